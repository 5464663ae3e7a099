#pragma once
// A tiny HTTP server on 127.0.0.1 (ephemeral port) answering every request with a handler,
// recording what it received. Keeps httplib out of the test files.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "logicmock/client/http.hpp"

namespace logicmock::client::testing {

class StubServer {
  public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;

    explicit StubServer(Handler handler);
    ~StubServer();
    StubServer(const StubServer&) = delete;
    StubServer& operator=(const StubServer&) = delete;

    int port() const;
    std::string url() const;  // "http://127.0.0.1:PORT"
    std::vector<HttpRequest> requests() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A port on 127.0.0.1 that nothing listens on.
int closed_port();

}  // namespace logicmock::client::testing
