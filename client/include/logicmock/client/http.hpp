#pragma once
// The wire-level vocabulary of the client: one request, one response or one transport
// failure, and the Transport interface that sends a request once (no retries).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "logicmock/http_headers.hpp"

namespace logicmock::client {

// The same header list as the server core: case-insensitive names, order kept.
using HeaderList = logicmock::Headers;

struct HttpRequest {
    std::string method;  // "POST"
    std::string target;  // path and query, already percent-encoded
    HeaderList headers;
    std::string body;
};

struct HttpResponse {
    int status = 0;
    HeaderList headers;
    std::string body;
};

// A request that produced no HTTP response. Never mixed with HTTP errors.
struct TransportError {
    enum class Kind {
        Connect,  // refused, unreachable, name not resolved
        Timeout,  // connect or read timed out
        Tls,      // handshake, certificate verification, CA file
        Io,       // connection dropped while writing or reading
        Proxy,    // the proxy refused to open a tunnel: its answer to CONNECT was not 2xx
        Other,
    };

    TransportError() = default;
    TransportError(Kind kind, std::string message, std::string proxy = {}, int proxy_status = 0)
        : kind(kind),
          message(std::move(message)),
          proxy(std::move(proxy)),
          proxy_status(proxy_status) {}

    Kind kind = Kind::Other;
    std::string message;
    std::string proxy;     // the proxy the request went through ("http://host:port", never
                           // credentials); empty for a direct connection
    int proxy_status = 0;  // Kind::Proxy: the status of the proxy's answer (403, 407, 502, ...)
};

std::string_view to_string(TransportError::Kind kind);

using AttemptOutcome = std::variant<HttpResponse, TransportError>;

// Sends one request exactly once. Implementations must be safe to call from one thread at a time.
class Transport {
  public:
    virtual ~Transport() = default;
    virtual AttemptOutcome send(const HttpRequest& request) = 0;
};

}  // namespace logicmock::client
