#pragma once
// The request journal: a bounded ring of what the fake received and answered.
// Memory bound: capacity x the largest slot (docs/journal-and-admin.md); every field is capped on
// capture. Writing one costs two short lock holds and a few copies into the slot's existing
// strings; the JSON, the body's redaction and the filters run when the journal is read.

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "journal/journal_slot.hpp"
#include "logicmock/journal.hpp"

namespace logicmock {

class RequestJournal {
  public:
    RequestJournal(std::size_t capacity, std::size_t body_limit);
    ~RequestJournal();

    // Assigns the next id and captures the request into the oldest slot (with capacity 0, only
    // the id is used up).
    void record(const Request& request, const Response& response, const RequestTrace& trace,
                SystemTime received, double duration_ms);
    std::vector<JournalEntry> list(const JournalFilter& filter) const;
    std::size_t count(const JournalFilter& filter) const;
    void clear();

    std::size_t capacity() const { return capacity_; }
    std::size_t body_limit() const { return body_limit_; }

  private:
    struct Slot;
    // Ids in [first, next) that a reader may find, oldest first.
    struct Window {
        std::uint64_t first;
        std::uint64_t next;
    };
    Window window() const;
    // Calls visit(slot) under the slot's lock for each recorded slot of the window, oldest first,
    // until visit returns false.
    template <typename Visit>
    void for_each(Visit visit) const;

    const std::size_t capacity_;
    const std::size_t body_limit_;
    mutable std::mutex mutex_;  // guards next_id_, visible_from_ and the creation of slots
    std::uint64_t next_id_ = 1;
    std::uint64_t visible_from_ = 1;  // clear() hides every id below this
    // Slot of id n: slots_[(n - 1) % capacity]; created on first use, never moved or freed.
    std::vector<std::unique_ptr<Slot>> slots_;
};

}  // namespace logicmock
