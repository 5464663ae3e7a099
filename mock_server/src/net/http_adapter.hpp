#pragma once
// The httplib adapter: wires a Service into an httplib::Server. httplib only moves bytes;
// every answer, including the ones httplib itself refuses (oversized bodies, malformed
// requests), is produced by the Service so it carries ARM's headers and error body.

#include "logicmock/mock_server.hpp"
#include "net/connection_server.hpp"
#include "net/transport_faults.hpp"

namespace logicmock {

struct AdapterContext {
    const ServerOptions& options;
    Service& service;
    WorkflowStore& store;
    InjectedWaits& waits;  // injected delays and holds; cancelled by stop()
    // The proxy's tunnels (null: CONNECT is not served) and the local CA clients trust, served
    // at GET /_mock/ca.pem on the direct address.
    std::shared_ptr<TunnelTls> tunnel_tls;
    std::string ca_pem;
};

// The limits a connection runs under, from the server options.
ConnectionLimits connection_limits(const ServerOptions& options);

// Tuning (TCP_NODELAY, socket options, body limit), hooks and every route.
void configure_http_server(ConnectionServer& http, const AdapterContext& context);

inline constexpr const char* kTlsOnHttpPortNotice =
    "TLS client on an HTTP port: start with --tls or use http://";

// The core request; inside a proxy tunnel it names the tunnel's host (Request::proxied).
Request to_core_request(const httplib::Request& in);
void write_core_response(const Response& in, httplib::Response& out);

}  // namespace logicmock
