#pragma once
// The request journal: a bounded ring buffer of what the fake received and answered.
// Memory bound: capacity x the largest entry (docs/FAULTS.md); every field is capped here.

#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "logicmock/journal.hpp"
#include "logicmock/service_options.hpp"
#include "protocol/request_trace.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

inline constexpr std::size_t kJournalMaxHeaders = 32;
inline constexpr std::size_t kJournalMaxHeaderName = 128;
inline constexpr std::size_t kJournalMaxHeaderValue = 256;
inline constexpr std::size_t kJournalMaxTarget = 2048;  // path and query, each
inline constexpr std::size_t kJournalMaxText = 1024;    // error message and other texts

class RequestJournal {
  public:
    RequestJournal(std::size_t capacity, std::size_t body_limit);

    void record(JournalEntry entry);  // assigns the id; drops the oldest entry when full
    std::vector<JournalEntry> list(const JournalFilter& filter) const;
    std::size_t count(const JournalFilter& filter) const;
    void clear();

    std::size_t capacity() const { return capacity_; }
    std::size_t body_limit() const { return body_limit_; }

  private:
    const std::size_t capacity_;
    const std::size_t body_limit_;
    mutable std::mutex mutex_;
    std::deque<JournalEntry> entries_;
    std::uint64_t next_id_ = 1;
};

// One entry, redacted and capped: the request, the answer and what the pipeline learned.
JournalEntry make_journal_entry(const Request& request, const Response& response,
                                const RequestTrace& trace, SystemTime received, double duration_ms,
                                std::size_t body_limit);

bool journal_filter_matches(const JournalFilter& filter, const JournalEntry& entry);

}  // namespace logicmock
