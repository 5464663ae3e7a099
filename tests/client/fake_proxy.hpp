#pragma once
// A fake HTTP proxy on 127.0.0.1 (ephemeral port): it records the request line and headers of
// every request it is sent (CONNECT or absolute-form), answers each with the same canned text
// and closes the connection. It never connects anywhere, so nothing is relayed.

#include <memory>
#include <string>
#include <vector>

#include "logicmock/client/http.hpp"

namespace logicmock::client::testing {

class FakeProxy {
  public:
    struct Seen {
        std::string request_line;  // "CONNECT management.azure.com:443 HTTP/1.1"
        HeaderList headers;
    };

    // answer: the raw bytes sent back, e.g. "HTTP/1.1 403 Forbidden\r\n...\r\n\r\n".
    explicit FakeProxy(std::string answer);
    ~FakeProxy();
    FakeProxy(const FakeProxy&) = delete;
    FakeProxy& operator=(const FakeProxy&) = delete;

    int port() const;
    std::string url() const;  // "http://127.0.0.1:PORT"
    std::vector<Seen> requests() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// "HTTP/1.1 <status line>" with an empty body and Connection: close.
std::string proxy_answer(const std::string& status_line);

}  // namespace logicmock::client::testing
