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

  private:
    bool process_and_close_socket(socket_t sock) override;

    ConnectionLimits limits_;
    std::shared_ptr<SSL_CTX> tls_;
    Refusal refusal_;
};

}  // namespace logicmock
