// Which proxy a target goes through: HTTPS_PROXY / HTTP_PROXY / NO_PROXY read as curl and Go
// read them, loopback never proxied, malformed values refused with a typed error; and which CA
// bundle verifies https (ca_file, then SSL_CERT_FILE, then the system store).
#include <catch2/catch.hpp>
#include <map>

#include "ca_bundle.hpp"
#include "proxy_settings.hpp"

using namespace logicmock::client;

namespace {

using Env = std::map<std::string, std::string>;

EnvLookup lookup(Env env) {
    return [env = std::move(env)](const char* name) {
        auto it = env.find(name);
        return it == env.end() ? std::string() : it->second;
    };
}

// "direct", or the proxy's display URL, for one target under an environment.
std::string route(const Env& env, const std::string& scheme, const std::string& host, int port,
                  ProxyOptions options = {}) {
    auto proxy = select_proxy(proxy_rules(options, lookup(env)), scheme, host, port);
    return proxy ? proxy->display() : "direct";
}

std::string https_route(const Env& env, const std::string& host = "management.azure.com") {
    return route(env, "https", host, 443);
}

// The ProxyConfigError a target's resolution throws (its what()), or "" when none.
std::string config_error(const Env& env, const std::string& scheme = "https",
                         const std::string& host = "management.azure.com") {
    try {
        route(env, scheme, host, scheme == "https" ? 443 : 80);
    } catch (const ProxyConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("HTTPS_PROXY routes https targets, HTTP_PROXY http targets", "[proxy][env]") {
    const std::string proxy = "http://proxy.example:3128";
    CHECK(https_route({}) == "direct");
    CHECK(https_route({{"HTTPS_PROXY", proxy}}) == proxy);
    CHECK(https_route({{"HTTP_PROXY", proxy}}) == "direct");  // not for https
    CHECK(route({{"HTTP_PROXY", proxy}}, "http", "169.254.169.254", 80) == proxy);
    CHECK(route({{"HTTPS_PROXY", proxy}}, "http", "169.254.169.254", 80) == "direct");
    CHECK(https_route({{"HTTPS_PROXY", proxy}, {"HTTP_PROXY", "http://other:1"}}) == proxy);
}

TEST_CASE("upper case wins over lower case, an empty upper-case variable counts as unset",
          "[proxy][env]") {
    CHECK(https_route({{"https_proxy", "http://lower:1"}}) == "http://lower:1");
    CHECK(https_route({{"HTTPS_PROXY", "http://upper:1"}, {"https_proxy", "http://lower:1"}}) ==
          "http://upper:1");
    CHECK(https_route({{"HTTPS_PROXY", ""}, {"https_proxy", "http://lower:1"}}) ==
          "http://lower:1");
    CHECK(https_route({{"HTTPS_PROXY", "  "}, {"https_proxy", "http://lower:1"}}) ==
          "http://lower:1");
    CHECK(route({{"http_proxy", "http://lower:2"}}, "http", "example.com", 80) == "http://lower:2");
    CHECK(route({{"HTTP_PROXY", "http://upper:2"}, {"http_proxy", "http://lower:2"}}, "http",
                "example.com", 80) == "http://upper:2");
    // NO_PROXY likewise: the upper-case list, else the lower-case one.
    const Env both = {{"HTTPS_PROXY", "http://p:1"},
                      {"NO_PROXY", "other.example"},
                      {"no_proxy", "management.azure.com"}};
    CHECK(https_route(both) == "http://p:1");
    CHECK(https_route({{"HTTPS_PROXY", "http://p:1"}, {"no_proxy", "management.azure.com"}}) ==
          "direct");
}

TEST_CASE("a proxy value: no scheme means http://, no port means 80", "[proxy][url]") {
    CHECK(https_route({{"HTTPS_PROXY", "proxy.example:3128"}}) == "http://proxy.example:3128");
    CHECK(https_route({{"HTTPS_PROXY", "http://proxy.example"}}) == "http://proxy.example:80");
    CHECK(https_route({{"HTTPS_PROXY", "HTTP://proxy.example:8080/"}}) ==
          "http://proxy.example:8080");
    CHECK(https_route({{"HTTPS_PROXY", " http://10.0.0.1:8080 "}}) == "http://10.0.0.1:8080");
    CHECK(https_route({{"HTTPS_PROXY", "http://[fd00::1]:8080"}}) == "http://[fd00::1]:8080");
    CHECK(https_route({{"HTTPS_PROXY", "127.0.0.1:8080"}}) == "http://127.0.0.1:8080");
}

TEST_CASE("proxy credentials become Basic Proxy-Authorization and never show", "[proxy][url]") {
    const ProxyUrl with = parse_proxy_url("http://alice:s3cret@proxy.example:3128", "HTTPS_PROXY");
    CHECK(with.host == "proxy.example");
    CHECK(with.port == 3128);
    CHECK(with.username == "alice");
    CHECK(with.password == "s3cret");
    CHECK(with.authorization() == "Basic YWxpY2U6czNjcmV0");  // base64("alice:s3cret")
    CHECK(with.display() == "http://proxy.example:3128");

    const ProxyUrl escaped = parse_proxy_url("user%40corp:p%3Ass%40w@proxy:1", "HTTPS_PROXY");
    CHECK(escaped.username == "user@corp");
    CHECK(escaped.password == "p:ss@w");

    const ProxyUrl user_only = parse_proxy_url("http://bob@proxy:1", "HTTPS_PROXY");
    CHECK(user_only.username == "bob");
    CHECK(user_only.authorization() == "Basic Ym9iOg==");  // base64("bob:")

    const ProxyUrl none = parse_proxy_url("http://proxy:1", "HTTPS_PROXY");
    CHECK_FALSE(none.username.has_value());
    CHECK(none.authorization().empty());
}

TEST_CASE("NO_PROXY: exact host, domain suffix on a label boundary, * and ports",
          "[proxy][no_proxy]") {
    struct Row {
        const char* no_proxy;
        const char* host;
        int port;
        bool bypass;
    };
    const Row rows[] = {
        {"management.azure.com", "management.azure.com", 443, true},
        {"azure.com", "management.azure.com", 443, true},
        {".azure.com", "management.azure.com", 443, true},
        {"*.azure.com", "management.azure.com", 443, true},
        {"azure.com", "azure.com", 443, true},
        {".azure.com", "azure.com", 443, true},  // as curl: a leading dot is ignored
        {"zure.com", "management.azure.com", 443, false},
        {"management.azure.co", "management.azure.com", 443, false},
        {"login.microsoftonline.com", "management.azure.com", 443, false},
        {"*", "management.azure.com", 443, true},
        {"*", "169.254.169.254", 80, true},
        {"MANAGEMENT.Azure.COM", "management.azure.com", 443, true},
        {"management.azure.com", "Management.Azure.Com.", 443, true},
        {" other.example , , management.azure.com ", "management.azure.com", 443, true},
        {"other.example,another.example", "management.azure.com", 443, false},
        {"management.azure.com:443", "management.azure.com", 443, true},
        {"management.azure.com:8443", "management.azure.com", 443, false},
        {"azure.com:443", "management.azure.com", 443, true},
        {"10.1.2.3", "10.1.2.3", 443, true},
        {"10.1.2.3:443", "10.1.2.3", 443, true},
        {"10.1.2.3:80", "10.1.2.3", 443, false},
        {"10.1.2.4", "10.1.2.3", 443, false},
        {"10.0.0.0/8", "10.1.2.3", 443, true},
        {"11.0.0.0/8", "10.1.2.3", 443, false},
        {"169.254.0.0/16", "169.254.169.254", 80, true},
        {"2.3", "10.1.2.3", 443, false},  // a domain suffix never matches an IP literal
        {"fd00::1", "fd00::1", 443, true},
        {"[fd00::1]", "fd00::1", 443, true},
        {"[fd00::1]:443", "[fd00::1]", 443, true},
        {"[fd00::1]:80", "fd00::1", 443, false},
        {"fd00::/8", "fd00::1", 443, true},
        {"fe80::/10", "fd00::1", 443, false},
        {"", "management.azure.com", 443, false},
        {"10.0.0.0/99", "10.1.2.3", 443, false},  // a malformed entry matches nothing
        {"management.azure.com:http", "management.azure.com", 443, false},
    };
    for (const Row& row : rows) {
        INFO("NO_PROXY=\"" << row.no_proxy << "\" host " << row.host << " port " << row.port);
        CHECK(no_proxy_matches(row.no_proxy, row.host, row.port) == row.bypass);
    }
    CHECK(https_route({{"HTTPS_PROXY", "http://p:1"}, {"NO_PROXY", ".azure.com"}}) == "direct");
    CHECK(https_route({{"HTTPS_PROXY", "http://p:1"}, {"NO_PROXY", "*"}}) == "direct");
    CHECK(https_route({{"HTTPS_PROXY", "http://p:1"}, {"NO_PROXY", "zure.com"}}) == "http://p:1");
}

TEST_CASE("loopback targets are never proxied", "[proxy][loopback]") {
    const Env env = {{"HTTPS_PROXY", "http://p:1"}, {"HTTP_PROXY", "http://p:1"}};
    for (const char* host : {"localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.1.2.3",
                             "::1", "[::1]", "::ffff:127.0.0.1"}) {
        INFO(host);
        CHECK(is_loopback_host(host));
        CHECK(route(env, "https", host, 8443) == "direct");
        CHECK(route(env, "http", host, 8080) == "direct");
    }
    for (const char* host :
         {"localhost.example.com", "128.0.0.1", "10.0.0.1", "::2", "management.azure.com"}) {
        INFO(host);
        CHECK_FALSE(is_loopback_host(host));
        CHECK(route(env, "https", host, 443) == "http://p:1");
    }
    // Even an explicit proxy leaves loopback alone.
    ProxyOptions fixed{ProxyOptions::Mode::Fixed, "http://p:1", ""};
    CHECK(route({}, "https", "127.0.0.1", 8443, fixed) == "direct");
}

TEST_CASE("malformed proxy values are a ProxyConfigError naming the variable, never the value",
          "[proxy][errors]") {
    struct Row {
        const char* value;
        const char* problem;
    };
    const Row rows[] = {
        {"socks5://proxy:1080", "only http:// proxies are supported, not socks5://"},
        {"https://proxy:443", "only http:// proxies are supported, not https://"},
        {"http://", "no host"},
        {"http://:8080", "no host"},
        {"http://proxy:0", "is not 1 to 65535"},
        {"http://proxy:65536", "is not 1 to 65535"},
        {"http://proxy:abc", "is not 1 to 65535"},
        {"http://proxy:8080/path", "no path, query or fragment"},
        {"http://proxy:8080?x=1", "no path, query or fragment"},
        {"http://fd00::1:8080", "needs brackets"},
        {"http://[fd00::1:8080", "unclosed"},
        {"http://[not-v6]:8080", "is not an IPv6 address"},
        {"http://pro xy:8080", "malformed"},
        {"1http://proxy", "malformed scheme"},
    };
    for (const Row& row : rows) {
        INFO(row.value);
        const std::string what = config_error({{"HTTPS_PROXY", row.value}});
        CHECK_THAT(what, Catch::StartsWith("HTTPS_PROXY: ") && Catch::Contains(row.problem));
    }
    // The lower-case variable is named when it is the one used.
    CHECK_THAT(config_error({{"https_proxy", "socks5://h:1"}}), Catch::StartsWith("https_proxy: "));
    CHECK_THAT(config_error({{"HTTP_PROXY", "ftp://h:1"}}, "http", "example.com"),
               Catch::StartsWith("HTTP_PROXY: "));

    // The credentials never show, whatever is wrong.
    for (const char* value : {"http://alice:s3cret@proxy:99999", "socks5://alice:s3cret@proxy",
                              "http://alice:s3cret%zz@proxy:1", "http://alice:s3cret@:1",
                              "http://alice:s3cret@proxy:1/path"}) {
        INFO(value);
        const std::string what = config_error({{"HTTPS_PROXY", value}});
        CHECK_FALSE(what.empty());
        CHECK(what.find("s3cret") == std::string::npos);
        CHECK(what.find("alice") == std::string::npos);
    }
}

TEST_CASE("a malformed variable is only an error when it would be used", "[proxy][errors]") {
    const Env env = {{"HTTPS_PROXY", "socks5://h:1"}, {"NO_PROXY", "management.azure.com"}};
    CHECK(config_error(env).empty());  // bypassed by NO_PROXY
    CHECK(config_error({{"HTTPS_PROXY", "socks5://h:1"}}, "https", "127.0.0.1").empty());
    CHECK(config_error({{"HTTPS_PROXY", "socks5://h:1"}}, "http", "example.com").empty());
    CHECK_FALSE(config_error({{"HTTPS_PROXY", "socks5://h:1"}}).empty());
}

TEST_CASE("ProxyOptions: Fixed replaces the proxy variables, Direct ignores them all",
          "[proxy][options]") {
    const Env env = {{"HTTPS_PROXY", "http://env:1"}, {"HTTP_PROXY", "http://env:2"}};
    ProxyOptions fixed{ProxyOptions::Mode::Fixed, "http://flag:3", std::nullopt};
    CHECK(route(env, "https", "management.azure.com", 443, fixed) == "http://flag:3");
    CHECK(route(env, "http", "169.254.169.254", 80, fixed) == "http://flag:3");
    // NO_PROXY still applies to a fixed proxy (as curl's -x), unless the options replace it.
    CHECK(route({{"NO_PROXY", "*"}}, "https", "management.azure.com", 443, fixed) == "direct");
    fixed.no_proxy = "";
    CHECK(route({{"NO_PROXY", "*"}}, "https", "management.azure.com", 443, fixed) ==
          "http://flag:3");

    ProxyOptions direct{ProxyOptions::Mode::Direct, "", std::nullopt};
    CHECK(route(env, "https", "management.azure.com", 443, direct) == "direct");
    CHECK(route({{"HTTPS_PROXY", "socks5://h:1"}}, "https", "management.azure.com", 443, direct) ==
          "direct");

    // A malformed fixed URL is refused even for a target that would bypass it.
    ProxyOptions bad{ProxyOptions::Mode::Fixed, "socks5://alice:s3cret@h:1", std::nullopt};
    try {
        proxy_rules(bad, lookup({}));
        FAIL("no ProxyConfigError");
    } catch (const ProxyConfigError& e) {
        CHECK(e.source() == "proxy URL");
        CHECK(e.problem() == "only http:// proxies are supported, not socks5://");
        CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
    }
}

TEST_CASE("CA bundle: the explicit file wins, then SSL_CERT_FILE, then the system store",
          "[proxy][ca]") {
    TlsOptions tls;
    CHECK(select_ca_bundle(tls, lookup({})).file.empty());
    CHECK(select_ca_bundle(tls, lookup({})).describe() == "the system CA store");

    const CaBundle from_env = select_ca_bundle(tls, lookup({{"SSL_CERT_FILE", "/env/ca.pem"}}));
    CHECK(from_env.file == "/env/ca.pem");
    CHECK(from_env.describe() == "CA file /env/ca.pem (SSL_CERT_FILE)");

    tls.ca_file = "/flag/ca.pem";
    const CaBundle explicit_file =
        select_ca_bundle(tls, lookup({{"SSL_CERT_FILE", "/env/ca.pem"}}));
    CHECK(explicit_file.file == "/flag/ca.pem");
    CHECK(explicit_file.describe() == "CA file /flag/ca.pem (ca_file)");
}
