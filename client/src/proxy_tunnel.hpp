#pragma once
// A CONNECT tunnel through an http:// proxy, on plain POSIX sockets: connect to the proxy,
// send "CONNECT host:port HTTP/1.1" (with Host, User-Agent and, only when the proxy URL has
// credentials, Proxy-Authorization), read the proxy's answer. The HTTP library then runs TLS
// and HTTP/1.1 over the socket as if it were connected to the target.

#include <chrono>
#include <string>
#include <variant>

#include "logicmock/client/http.hpp"
#include "proxy_settings.hpp"

namespace logicmock::client {

struct TunnelRequest {
    ProxyUrl proxy;
    std::string target;  // "management.azure.com:443", "[v6]:443"
    std::string user_agent;
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds read_timeout{60'000};  // for the whole answer to CONNECT
    std::chrono::milliseconds write_timeout{60'000};
};

// An open, blocking socket whose next bytes come from the target, or why there is none:
// Connect (proxy down, name not resolved), Timeout, Io (dropped, not HTTP), or Proxy (the
// proxy answered CONNECT with a status other than 2xx; proxy_status holds it). Every error
// names the proxy (never its credentials) and the target.
std::variant<int, TransportError> open_tunnel(const TunnelRequest& request);

}  // namespace logicmock::client
