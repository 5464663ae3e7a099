#pragma once
// httplib::Server with logicmock's own connection loop (see connection.hpp) and an elastic
// worker pool. httplib 0.11 makes a new stream per request, which drops pipelined bytes, and
// times reads out only per recv; overriding its (virtual) process_and_close_socket fixes both
// while reusing its request parser and routing (process_request) unchanged.

#include <httplib.h>

#include "connection.hpp"

namespace logicmock {

class ConnectionServer : public httplib::Server {
  public:
    ConnectionServer(ConnectionLimits limits, std::size_t max_threads);

    // Call after binding, before listen_after_bind().
    void widen_backlog();

  private:
    bool process_and_close_socket(socket_t sock) override;

    ConnectionLimits limits_;
};

}  // namespace logicmock
