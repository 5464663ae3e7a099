#pragma once
// The adapter's half of fault injection: waits out an injected delay and carries out a transport
// fault (RST, close, partial body, hold) that the core decided (Response::transport_fault).
//
// httplib 0.11.4 gives handlers no socket. The handler runs on the worker thread that owns the
// connection, and the request carries both ends' addresses, so the connection's descriptor is
// found by matching getsockname/getpeername against them (only when a reset, close or hold is
// injected). The descriptor stays owned by httplib: it is never closed here, only shut down
// (close, hold) or disconnected with connect(AF_UNSPEC), which makes Linux send a RST at once.
// httplib's own write then fails (SIGPIPE is ignored by httplib::Server) and it closes the
// socket as for any dead peer. A partial body needs no descriptor: a content provider writes the
// first bytes and then reports failure, which makes httplib drop the connection.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "logicmock/http_types.hpp"

namespace logicmock {

// Injected waits end early when the server stops, so stop() never waits out a long hold.
class InjectedWaits {
  public:
    // false when cancelled before the time was up.
    bool wait_for(std::chrono::milliseconds duration);
    void cancel();
    void rearm();

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool cancelled_ = false;
};

// The connection's socket descriptor, or -1.
int find_connection_socket(const httplib::Request& request);

// Sends `core` on `out`, after its delay, carrying out its transport fault if it has one.
void deliver_response(const Response& core, const httplib::Request& request, httplib::Response& out,
                      InjectedWaits& waits);

}  // namespace logicmock
