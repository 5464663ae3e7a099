#pragma once
// The adapter's half of fault injection: waits out an injected delay and carries out a transport
// fault (RST, close, partial body, hold) that the core decided (Response::transport_fault).
//
// The handler runs on the worker thread that serves the connection (Connection::current()), so
// a reset, close or hold marks that connection abandoned: it refuses httplib's response and the
// connection loop then closes it, with SO_LINGER {1, 0} for a RST. A partial body needs no
// socket: a content provider writes the first bytes and then reports failure, which makes
// httplib drop the connection.

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

// Sends `core` on `out`, after its delay, carrying out its transport fault if it has one.
void deliver_response(const Response& core, httplib::Response& out, InjectedWaits& waits);

}  // namespace logicmock
