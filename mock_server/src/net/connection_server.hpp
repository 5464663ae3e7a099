#pragma once
// httplib::Server with logicmock's own connection loop (see connection.hpp) and an elastic
// worker pool. httplib 0.11 makes a new stream per request, which drops pipelined bytes, and
// times reads out only per recv; overriding its (virtual) process_and_close_socket fixes both
// while reusing its request parser and routing (process_request) unchanged. TLS is done here
// too (rather than by httplib::SSLServer) so HTTPS gets the same loop, limits and faults.

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

#include "net/connection.hpp"
#include "net/tunnel_tls.hpp"

namespace logicmock {

class ConnectionServer : public httplib::Server {
  public:
    // With tls, every connection is TLS with that context (shared by all its connections).
    ConnectionServer(ConnectionLimits limits, std::size_t max_threads,
                     std::shared_ptr<SSL_CTX> tls = nullptr);

    // Call after binding, before listen_after_bind().
    void widen_backlog();

    // The bytes to answer a request RequestScreen refused with (empty: close without an answer).
    using Refusal = std::function<std::string(ScreenVerdict, const std::string& reason)>;
    void set_refusal_handler(Refusal refusal) { refusal_ = std::move(refusal); }

    // The proxy (docs/proxy.md): a CONNECT request is answered by handler, not httplib; an
    // empty answer opens the tunnel (200, then TLS with tls's certificate for the host), any
    // other answer is written and the connection closed. problem is non-empty when this
    // connection cannot carry a tunnel (it is TLS already, or the client sent bytes before the
    // answer): the handler must refuse then. Without a handler CONNECT goes to httplib.
    using ConnectHandler =
        std::function<std::string(const Request& request, std::string_view problem)>;
    void set_connect_handler(ConnectHandler handler, std::shared_ptr<TunnelTls> tls) {
        connect_ = std::move(handler);
        tunnel_tls_ = std::move(tls);
    }

  private:
    bool process_and_close_socket(socket_t sock) override;
    // Answers the CONNECT the connection just screened; true when the tunnel is open.
    bool serve_connect(Connection& connection);

    ConnectionLimits limits_;
    std::shared_ptr<SSL_CTX> tls_;
    Refusal refusal_;
    ConnectHandler connect_;
    std::shared_ptr<TunnelTls> tunnel_tls_;
};

}  // namespace logicmock
