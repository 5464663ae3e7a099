#pragma once
// One request as the journal keeps it: captured when the request is served, without JSON work
// or redaction passes over the body (only secret headers are replaced at once), into strings
// that keep their capacity from one request to the next; rendered into a JournalEntry, with
// redact_query / redact_body applied, only when the journal is read.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "logicmock/journal.hpp"
#include "protocol/request_trace.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

inline constexpr std::size_t kJournalMaxHeaders = 32;
inline constexpr std::size_t kJournalMaxHeaderName = 128;
inline constexpr std::size_t kJournalMaxHeaderValue = 256;
inline constexpr std::size_t kJournalMaxTarget = 2048;  // path and query, each
inline constexpr std::size_t kJournalMaxText = 1024;    // error message and other texts
inline constexpr std::size_t kJournalMaxMethod = 16;
inline constexpr std::size_t kJournalMaxRequestId = 64;

// A captured text that is either as received (redacted when read) or, when it was longer than
// its cap, already redacted and capped at capture: redacting a cut-off body or query could miss
// a secret that straddles the cut.
struct CapturedText {
    std::string text;
    bool raw = true;
    bool truncated = false;  // only when !raw: the redacted text was longer than the cap
};

struct JournalSlot {
    std::uint64_t id = 0;  // 0: never written
    SystemTime received{};
    std::string method;
    std::string path;
    CapturedText query;
    std::vector<std::pair<std::string, std::string>> headers;  // secrets already redacted
    std::size_t header_count = 0;                              // headers[0, header_count)
    CapturedText body;
    int status = 0;
    std::string operation_id;  // the route's operationId; the entry shows its short name
    std::string subscription;
    std::string resource_group;
    std::string workflow;
    std::string fault_rule;
    std::string fault_action;
    bool throttled = false;
    std::string error_code;
    std::string error_message;
    std::string request_id;
    double duration_ms = 0;
};

// Copies what the entry will need into `slot` (its id is left alone), every field capped.
void capture_journal_slot(JournalSlot& slot, const Request& request, const Response& response,
                          const RequestTrace& trace, SystemTime received, double duration_ms,
                          std::size_t body_limit);

// The entry the journal answers with: the same fields and values a capture-time rendering had.
JournalEntry render_journal_entry(const JournalSlot& slot, std::size_t body_limit);

bool journal_filter_matches(const JournalFilter& filter, const JournalSlot& slot);

}  // namespace logicmock
