#include "hosts/host_table.hpp"

#include <array>
#include <charconv>

namespace logicmock {
namespace {

enum class Match { Exact, OneLabelBefore, AnyLabelsBefore };

struct HostEntry {
    std::string_view name;  // exact name, or the suffix after the labels Match allows
    Match match;
    std::string_view scheme;
    int port;
    HostService service;
};

// Host names and their shapes: docs/proxy.md "Hosts logicmock answers for".
constexpr std::array kHosts{
    HostEntry{"management.azure.com", Match::Exact, "https", 443, HostService::Arm},
    HostEntry{"login.microsoftonline.com", Match::Exact, "https", 443, HostService::Entra},
    HostEntry{"login.windows.net", Match::Exact, "https", 443, HostService::Entra},
    HostEntry{"login.microsoft.com", Match::Exact, "https", 443, HostService::Entra},
    HostEntry{"sts.windows.net", Match::Exact, "https", 443, HostService::Entra},
    // {region}.login.microsoft.com: regional ESTS, when a client is given a region
    HostEntry{"login.microsoft.com", Match::OneLabelBefore, "https", 443, HostService::Entra},
    // prod-NN.{region}.logic.azure.com
    HostEntry{"logic.azure.com", Match::AnyLabelsBefore, "https", 443, HostService::LogicRuntime},
    // {site}.azurewebsites.net, not {site}.scm.azurewebsites.net (Kudu)
    HostEntry{"azurewebsites.net", Match::OneLabelBefore, "https", 443,
              HostService::StandardRuntime},
    HostEntry{"169.254.169.254", Match::Exact, "http", 80, HostService::Imds},
};

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool iequal(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

bool is_label(std::string_view s) {
    if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-') return false;
    for (char c : s) {
        const char l = lower(c);
        if (!((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '-')) return false;
    }
    return true;
}

bool matches(const HostEntry& entry, std::string_view host) {
    if (entry.match == Match::Exact) return iequal(host, entry.name);
    if (host.size() < entry.name.size() + 2) return false;
    const std::string_view suffix = host.substr(host.size() - entry.name.size());
    if (!iequal(suffix, entry.name) || host[host.size() - entry.name.size() - 1] != '.') {
        return false;
    }
    std::string_view labels = host.substr(0, host.size() - entry.name.size() - 1);
    if (entry.match == Match::OneLabelBefore) return is_label(labels);
    for (;;) {
        const auto dot = labels.find('.');
        if (!is_label(labels.substr(0, dot))) return false;
        if (dot == std::string_view::npos) return true;
        labels.remove_prefix(dot + 1);
    }
}

}  // namespace

std::optional<HostService> service_for_host(std::string_view host, std::string_view scheme,
                                            int port) {
    for (const auto& entry : kHosts) {
        if (entry.port == port && scheme == entry.scheme && matches(entry, host)) {
            return entry.service;
        }
    }
    return std::nullopt;
}

std::optional<HostService> service_for_host_header(std::string_view host_header) {
    auto authority = parse_authority(host_header, -1);
    if (!authority) return std::nullopt;
    for (const auto& entry : kHosts) {
        if (matches(entry, authority->host)) return entry.service;
    }
    return std::nullopt;
}

std::string_view served_hosts_text() {
    return "management.azure.com, login.microsoftonline.com (and login.windows.net, "
           "login.microsoft.com, sts.windows.net, {region}.login.microsoft.com), "
           "*.logic.azure.com and {site}.azurewebsites.net on port 443, and "
           "http://169.254.169.254";
}

std::optional<Authority> parse_authority(std::string_view text, int default_port) {
    Authority out;
    std::string_view host;
    std::string_view rest;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string_view::npos || close < 2) return std::nullopt;
        host = text.substr(1, close - 1);
        rest = text.substr(close + 1);
        for (char c : host) {
            if (!(c == ':' || c == '.' || (lower(c) >= 'a' && lower(c) <= 'f') ||
                  (c >= '0' && c <= '9'))) {
                return std::nullopt;
            }
        }
    } else {
        const auto colon = text.find(':');
        host = text.substr(0, colon);
        rest = colon == std::string_view::npos ? std::string_view() : text.substr(colon);
        if (host.empty() || host.size() > 253) return std::nullopt;
        for (char c : host) {
            const char l = lower(c);
            if (!((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '-' || l == '.' ||
                  l == '_')) {
                return std::nullopt;
            }
        }
    }
    if (rest.empty()) {
        if (default_port == 0) return std::nullopt;
        out.port = default_port;
    } else {
        if (rest.front() != ':' || rest.size() < 2 || rest.size() > 6) return std::nullopt;
        const std::string_view digits = rest.substr(1);
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), out.port);
        if (error != std::errc() || end != digits.data() + digits.size() || out.port < 1 ||
            out.port > 65535) {
            return std::nullopt;
        }
    }
    out.host.reserve(host.size());
    for (char c : host) out.host += lower(c);
    return out;
}

}  // namespace logicmock
