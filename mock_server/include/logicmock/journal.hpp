#pragma once
// The request journal: what the fake received. Every ARM and runtime request (not /_mock/ admin
// calls) is kept in a bounded ring buffer with secrets redacted. See docs/journal-and-admin.md.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace logicmock {

struct JournalEntry {
    std::uint64_t id = 0;  // 1, 2, 3, ... for the life of the server; never reused
    std::string time;      // UTC, "2026-11-27T03:16:34.123Z"
    std::string method;
    std::string path;   // as received (percent-encoded), without the query
    std::string query;  // as received, secrets ("sig", "code", ...) replaced by "REDACTED"
    std::vector<std::pair<std::string, std::string>> headers;  // secrets redacted
    std::string body;                                          // first journal_body_limit bytes
    bool body_truncated = false;
    int status = 0;            // 0: no HTTP status was sent (reset, close, hold)
    std::string operation;     // "regenerateAccessKey"; "" when no route matched
    std::string subscription;  // path names when a route matched
    std::string resource_group;
    std::string workflow;
    std::string fault_rule;    // id of the rule that fired, "header" for x-mock-fault, else ""
    std::string fault_action;  // "preset:Throttled", "error:409", "transport:reset", "delay", ...
    bool throttled = false;    // answered 429 by the token buckets (--throttling enforce)
    std::string error_code;    // the ErrorResponse code when the answer was an error
    std::string error_message;
    std::string request_id;  // x-ms-request-id of the answer
    double duration_ms = 0;  // time in the service, including injected delay and hold
};

// JournalFilter().by_operation("regenerateAccessKey").by_status(429)
struct JournalFilter {
    std::string operation;  // glob, as in fault rules; "" = any
    std::string workflow;   // glob; "" = any
    std::optional<int> status;
    std::uint64_t since = 0;  // only entries with id > since
    std::size_t limit = 0;    // 0 = all

    JournalFilter& by_operation(std::string glob) { return operation = std::move(glob), *this; }
    JournalFilter& by_workflow(std::string glob) { return workflow = std::move(glob), *this; }
    JournalFilter& by_status(int value) { return status = value, *this; }
    JournalFilter& after_id(std::uint64_t id) { return since = id, *this; }
    JournalFilter& at_most(std::size_t n) { return limit = n, *this; }
};

}  // namespace logicmock
