#pragma once
// Which proxy, if any, a request to scheme://host:port goes through. Pure: the environment is
// passed in. The rules (curl's and Go's, see docs/CLIENT.md "Through a proxy"):
//
// - https targets use HTTPS_PROXY, http targets HTTP_PROXY; the upper-case name is read first
//   and the lower-case one only when it is unset or empty (as Go and Node do);
// - a loopback target (localhost, 127.0.0.0/8, ::1) is never proxied;
// - NO_PROXY (then no_proxy): comma-separated; "*" bypasses every host; an entry matches the
//   host exactly or as a domain suffix on a label boundary ("example.com", ".example.com" and
//   "*.example.com" all match example.com and a.example.com); IP literals ("10.1.2.3",
//   "::1", "[::1]") and CIDR blocks ("10.0.0.0/8") match IP hosts; "host:port" only that port;
// - a proxy value without a scheme means http://; only http:// proxies are supported, with an
//   optional user:password@ (percent-decoded) and port (default 80). A value is checked only
//   when it is about to be used, so an unused malformed variable does no harm.

#include <optional>
#include <string>
#include <string_view>

#include "env_lookup.hpp"
#include "logicmock/client/proxy.hpp"

namespace logicmock::client {

struct ProxyUrl {
    std::string host;  // without brackets for IPv6
    int port = 80;
    std::optional<std::string> username;  // percent-decoded; set when the URL had user info
    std::string password;                 // percent-decoded

    std::string authority() const;  // "host:port", "[v6]:port"
    std::string display() const;    // "http://host:port", never the credentials
    // "Basic base64(user:password)"; empty without user info.
    std::string authorization() const;
};

// Throws ProxyConfigError naming `source` (never repeating the value).
ProxyUrl parse_proxy_url(std::string_view value, const std::string& source);

// What decides the proxy, before any target is known.
struct ProxyRules {
    std::string https_proxy;  // "" : none
    std::string https_source;
    std::string http_proxy;
    std::string http_source;
    std::string no_proxy;
};

// Mode::Environment: the variables above; Mode::Fixed: options.url ("proxy URL") for both;
// Mode::Direct: nothing. options.no_proxy, when set, replaces NO_PROXY / no_proxy.
// Throws ProxyConfigError for a Fixed URL that is malformed, used or not.
ProxyRules proxy_rules(const ProxyOptions& options, const EnvLookup& env);

bool is_loopback_host(std::string_view host);
bool no_proxy_matches(std::string_view no_proxy, std::string_view host, int port);

// The proxy for scheme ("http" or "https") host (no brackets) port; nothing: connect directly.
// Throws ProxyConfigError when the value that applies cannot be used.
std::optional<ProxyUrl> select_proxy(const ProxyRules& rules, std::string_view scheme,
                                     std::string_view host, int port);

}  // namespace logicmock::client
