#pragma once
// Transport-free HTTP request and response: what the pipeline reads and writes.
// The httplib adapter converts to and from these; unit tests build them directly.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logicmock {

// Header names compare case-insensitively, as HTTP requires; order is kept.
class Headers {
  public:
    void add(std::string name, std::string value);
    void set(std::string name, std::string value);  // replaces every header of that name
    std::optional<std::string_view> get(std::string_view name) const;
    bool contains(std::string_view name) const { return get(name).has_value(); }
    std::size_t count(std::string_view name) const;

    auto begin() const { return entries_.begin(); }
    auto end() const { return entries_.end(); }
    std::size_t size() const { return entries_.size(); }

  private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

struct Request {
    std::string method;  // "POST"
    std::string target;  // raw request target: path plus optional "?query", still percent-encoded
    Headers headers;
    std::string body;
};

// A fault the transport carries out instead of (or while) sending the response; the core only
// decides it (see docs/FAULTS.md), the httplib adapter executes it.
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

bool iequals(std::string_view a, std::string_view b);

}  // namespace logicmock
