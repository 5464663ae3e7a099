#pragma once
// Transport-free HTTP request and response: what the pipeline reads and writes.
// The httplib adapter converts to and from these; unit tests build them directly.

#include <cstddef>
#include <optional>
#include <string>

#include "logicmock/http_headers.hpp"

namespace logicmock {

// Where a request that came through logicmock's proxy was addressed (docs/proxy.md): the
// CONNECT authority of its tunnel (scheme "https") or the URL of an
// absolute-form request ("http"). Host is lower case, without brackets or port.
struct ProxiedTarget {
    std::string scheme;
    std::string host;
    int port = 0;
};

struct Request {
    std::string method;  // "POST"
    std::string target;  // raw request target: path plus optional "?query", still percent-encoded
    Headers headers;
    std::string body;
    // Set by the transport for requests inside a CONNECT tunnel; empty for direct requests.
    std::optional<ProxiedTarget> proxied;
};

// A fault the transport carries out instead of (or while) sending the response; the core only
// decides it (see docs/making-it-fail.md), the httplib adapter executes it.
enum class TransportFaultKind {
    Reset,        // TCP RST, nothing sent
    Close,        // orderly close (FIN), nothing sent
    PartialBody,  // status, headers with the full Content-Length, body_bytes of the body, close
    Hold,         // nothing sent for hold_ms, then close
};

struct TransportFault {
    TransportFaultKind kind = TransportFaultKind::Close;
    std::size_t body_bytes = 0;
    int hold_ms = 0;
};

struct Response {
    Response() = default;
    // Positional construction, as before the fault fields were added.
    Response(int status_, Headers headers_ = {}, std::string body_ = {})
        : status(status_), headers(std::move(headers_)), body(std::move(body_)) {}

    int status = 200;
    Headers headers;
    std::string body;
    std::optional<TransportFault> transport_fault;
    int delay_ms = 0;  // injected: the transport waits this long before answering
};

}  // namespace logicmock
