#pragma once
// The one place that decides which service answers a request: Azure's real host names, each
// mapped to the service logicmock plays there (docs/proxy.md). Requests through the proxy are
// answered only for these hosts; a direct request whose Host names one of them goes to that
// service too, and any other direct request is routed by its path (the loopback address serves
// every service at once).

#include <optional>
#include <string>
#include <string_view>

namespace logicmock {

enum class HostService {
    Arm,              // management.azure.com
    Entra,            // login.microsoftonline.com and its aliases, regional hosts
    LogicRuntime,     // prod-NN.{region}.logic.azure.com: Consumption callback URLs
    StandardRuntime,  // {site}.azurewebsites.net: Logic Apps Standard callback URLs
    Imds,             // 169.254.169.254: managed identity and region discovery
};

// The service for a host reached with scheme ("https" or "http") on port, or none: logicmock
// does not serve that host there. The host is compared case-insensitively.
std::optional<HostService> service_for_host(std::string_view host, std::string_view scheme,
                                            int port);

// The same for a direct request's Host header value (host or host:port, any scheme or port).
std::optional<HostService> service_for_host_header(std::string_view host_header);

// The hosts the table serves, for the proxy's refusal text.
std::string_view served_hosts_text();

// "host:port", "[v6]:port" or (with default_port) "host": the host lower case without
// brackets, and the port. None when the text is not such an authority.
struct Authority {
    std::string host;
    int port = 0;
};
std::optional<Authority> parse_authority(std::string_view text, int default_port = 0);

}  // namespace logicmock
