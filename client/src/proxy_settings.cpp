#include "proxy_settings.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>

namespace logicmock::client {
namespace {

constexpr auto npos = std::string_view::npos;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

std::string lower(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

// Lower case, without IPv6 brackets and without one trailing dot (a fully qualified name).
std::string normalize_host(std::string_view host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    if (!host.empty() && host.back() == '.') host.remove_suffix(1);
    return lower(host);
}

// A decimal port, 1 to 65535, and nothing else.
std::optional<int> parse_port(std::string_view text) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value < 1 ||
        value > 65535) {
        return std::nullopt;
    }
    return value;
}

struct IpAddress {
    int family = AF_INET;
    std::array<unsigned char, 16> bytes{};
    bool operator==(const IpAddress&) const = default;
};

std::optional<IpAddress> parse_ip(const std::string& text) {
    IpAddress address;
    if (::inet_pton(AF_INET, text.c_str(), address.bytes.data()) == 1) return address;
    address.family = AF_INET6;
    if (::inet_pton(AF_INET6, text.c_str(), address.bytes.data()) == 1) return address;
    return std::nullopt;
}

bool in_block(const IpAddress& address, const IpAddress& block, int prefix) {
    if (address.family != block.family) return false;
    for (int bit = 0; bit < prefix; ++bit) {
        const int mask = 0x80 >> (bit % 8);
        if ((address.bytes[bit / 8] & mask) != (block.bytes[bit / 8] & mask)) return false;
    }
    return true;
}

// "10.0.0.0/8", "fd00::/8": does `host` (an IP literal) fall inside?
bool cidr_matches(std::string_view entry, const std::optional<IpAddress>& host) {
    const auto slash = entry.find('/');
    const auto block = parse_ip(normalize_host(entry.substr(0, slash)));
    if (!host || !block) return false;
    int prefix = -1;
    const std::string_view bits = entry.substr(slash + 1);
    auto [end, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
    const int max = block->family == AF_INET ? 32 : 128;
    if (ec != std::errc{} || end != bits.data() + bits.size() || prefix < 0 || prefix > max) {
        return false;
    }
    return in_block(*host, *block, prefix);
}

// One NO_PROXY entry (trimmed, lower case, not "*" and not a CIDR block) against the target.
bool entry_matches(std::string_view entry, const std::string& host,
                   const std::optional<IpAddress>& host_ip, int port) {
    std::string_view entry_host = entry;
    std::string_view entry_port;
    if (entry.front() == '[') {
        const auto close = entry.find(']');
        if (close == npos) return false;
        entry_host = entry.substr(1, close - 1);
        const std::string_view rest = entry.substr(close + 1);
        if (!rest.empty() && rest.front() != ':') return false;
        if (!rest.empty()) entry_port = rest.substr(1);
    } else if (std::count(entry.begin(), entry.end(), ':') == 1) {
        const auto colon = entry.find(':');
        entry_host = entry.substr(0, colon);
        entry_port = entry.substr(colon + 1);
    }  // more than one ':' and no brackets: a bare IPv6 address, no port
    if (!entry_port.empty() && parse_port(entry_port) != port) return false;

    const std::string name = normalize_host(entry_host);
    if (auto entry_ip = parse_ip(name)) return host_ip && *host_ip == *entry_ip;
    if (host_ip) return false;  // a domain never matches an IP literal

    std::string_view domain = name;
    if (domain.starts_with("*.")) domain.remove_prefix(1);
    if (domain.starts_with(".")) domain.remove_prefix(1);
    if (domain.empty()) return false;
    if (host == domain) return true;
    return host.size() > domain.size() && host.ends_with(domain) &&
           host[host.size() - domain.size() - 1] == '.';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
    std::string result;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            result += text[i];
            continue;
        }
        if (i + 2 >= text.size()) return std::nullopt;
        const int high = hex_value(text[i + 1]);
        const int low = hex_value(text[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        result += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return result;
}

std::string base64(std::string_view data) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string result;
    for (std::size_t i = 0; i < data.size(); i += 3) {
        unsigned value = static_cast<unsigned char>(data[i]) << 16;
        if (i + 1 < data.size()) value |= static_cast<unsigned char>(data[i + 1]) << 8;
        if (i + 2 < data.size()) value |= static_cast<unsigned char>(data[i + 2]);
        result += kAlphabet[(value >> 18) & 63];
        result += kAlphabet[(value >> 12) & 63];
        result += i + 1 < data.size() ? kAlphabet[(value >> 6) & 63] : '=';
        result += i + 2 < data.size() ? kAlphabet[value & 63] : '=';
    }
    return result;
}

bool is_scheme(std::string_view text) {
    if (text.empty() || !std::isalpha(static_cast<unsigned char>(text.front()))) return false;
    return std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '+' || c == '-' || c == '.';
    });
}

bool is_host_name(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
    });
}

// The first non-empty of two variables, upper case first; source says which one it was.
void pick(const EnvLookup& env, const char* upper, const char* lower_case, std::string& value,
          std::string& source) {
    for (const char* name : {upper, lower_case}) {
        const std::string text(trim(env(name)));
        if (!text.empty()) {
            value = text;
            source = name;
            return;
        }
    }
}

}  // namespace

ProxyConfigError::ProxyConfigError(std::string source, std::string problem)
    : std::invalid_argument(source + ": " + problem),
      source_(std::move(source)),
      problem_(std::move(problem)) {}

std::string ProxyUrl::authority() const {
    const bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ':' + std::to_string(port);
}

std::string ProxyUrl::display() const {
    return "http://" + authority();
}

std::string ProxyUrl::authorization() const {
    if (!username) return {};
    return "Basic " + base64(*username + ':' + password);
}

ProxyUrl parse_proxy_url(std::string_view value, const std::string& source) {
    auto fail = [&](std::string problem) { throw ProxyConfigError(source, std::move(problem)); };
    std::string_view rest = trim(value);
    if (rest.empty()) fail("the proxy URL is empty");
    if (const auto scheme_end = rest.find("://"); scheme_end != npos) {
        const std::string_view scheme = rest.substr(0, scheme_end);
        if (!is_scheme(scheme)) fail("the proxy URL has a malformed scheme");
        if (lower(scheme) != "http") {
            fail("only http:// proxies are supported, not " + lower(scheme) + "://");
        }
        rest.remove_prefix(scheme_end + 3);
    }
    const auto authority_end = rest.find_first_of("/?#");
    if (authority_end != npos && rest.substr(authority_end) != "/") {
        fail("a proxy URL has no path, query or fragment");
    }
    std::string_view authority = rest.substr(0, authority_end);

    ProxyUrl proxy;
    if (const auto at = authority.rfind('@'); at != npos) {
        const std::string_view user_info = authority.substr(0, at);
        const auto colon = user_info.find(':');
        auto username = percent_decode(user_info.substr(0, colon));
        auto password = percent_decode(colon == npos ? "" : user_info.substr(colon + 1));
        if (!username || !password) fail("the proxy credentials have a malformed %-escape");
        proxy.username = std::move(*username);
        proxy.password = std::move(*password);
        authority.remove_prefix(at + 1);
    }

    std::string_view port;
    if (authority.starts_with("[")) {
        const auto close = authority.find(']');
        if (close == npos) fail("the proxy host has an unclosed '['");
        proxy.host = std::string(authority.substr(1, close - 1));
        if (!parse_ip(proxy.host) || proxy.host.find(':') == std::string::npos) {
            fail("the proxy host [" + proxy.host + "] is not an IPv6 address");
        }
        const std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after.front() != ':') fail("the proxy host is malformed");
        if (!after.empty()) port = after.substr(1);
    } else {
        const auto colon = authority.rfind(':');
        proxy.host = std::string(authority.substr(0, colon));
        if (colon != npos) port = authority.substr(colon + 1);
        if (proxy.host.find(':') != std::string::npos) {
            fail("an IPv6 proxy address needs brackets: http://[address]:port");
        }
        if (!is_host_name(proxy.host)) fail("the proxy host is malformed");
    }
    if (proxy.host.empty()) fail("the proxy URL has no host");
    if (!port.empty()) {
        const auto number = parse_port(port);
        if (!number) fail("the proxy port '" + std::string(port) + "' is not 1 to 65535");
        proxy.port = *number;
    }
    return proxy;
}

ProxyRules proxy_rules(const ProxyOptions& options, const EnvLookup& env) {
    ProxyRules rules;
    switch (options.mode) {
        case ProxyOptions::Mode::Environment:
            pick(env, "HTTPS_PROXY", "https_proxy", rules.https_proxy, rules.https_source);
            pick(env, "HTTP_PROXY", "http_proxy", rules.http_proxy, rules.http_source);
            break;
        case ProxyOptions::Mode::Fixed:
            parse_proxy_url(options.url, "proxy URL");  // checked even when no target uses it
            rules.https_proxy = rules.http_proxy = options.url;
            rules.https_source = rules.http_source = "proxy URL";
            break;
        case ProxyOptions::Mode::Direct:
            return rules;
    }
    if (options.no_proxy) {
        rules.no_proxy = *options.no_proxy;
    } else {
        std::string source;
        pick(env, "NO_PROXY", "no_proxy", rules.no_proxy, source);
    }
    return rules;
}

bool is_loopback_host(std::string_view host) {
    const std::string name = normalize_host(host);
    if (name == "localhost") return true;
    const auto ip = parse_ip(name);
    if (!ip) return false;
    if (ip->family == AF_INET) return ip->bytes[0] == 127;
    static constexpr std::array<unsigned char, 16> kV6Loopback{0, 0, 0, 0, 0, 0, 0, 0,
                                                               0, 0, 0, 0, 0, 0, 0, 1};
    static constexpr std::array<unsigned char, 12> kV4Mapped{0, 0, 0, 0, 0,    0,
                                                             0, 0, 0, 0, 0xff, 0xff};
    if (ip->bytes == kV6Loopback) return true;
    return std::equal(kV4Mapped.begin(), kV4Mapped.end(), ip->bytes.begin()) &&
           ip->bytes[12] == 127;
}

bool no_proxy_matches(std::string_view no_proxy, std::string_view host, int port) {
    const std::string name = normalize_host(host);
    const auto ip = parse_ip(name);
    while (!no_proxy.empty()) {
        const auto comma = no_proxy.find(',');
        const std::string entry = lower(trim(no_proxy.substr(0, comma)));
        no_proxy = comma == npos ? std::string_view() : no_proxy.substr(comma + 1);
        if (entry.empty()) continue;
        if (entry == "*") return true;
        if (entry.find('/') != std::string::npos) {
            if (cidr_matches(entry, ip)) return true;
            continue;
        }
        if (entry_matches(entry, name, ip, port)) return true;
    }
    return false;
}

std::optional<ProxyUrl> select_proxy(const ProxyRules& rules, std::string_view scheme,
                                     std::string_view host, int port) {
    if (is_loopback_host(host)) return std::nullopt;
    const bool https = scheme == "https";
    const std::string& value = https ? rules.https_proxy : rules.http_proxy;
    if (value.empty()) return std::nullopt;
    if (no_proxy_matches(rules.no_proxy, host, port)) return std::nullopt;
    return parse_proxy_url(value, https ? rules.https_source : rules.http_source);
}

}  // namespace logicmock::client
