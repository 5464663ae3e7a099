#include "journal/request_journal.hpp"

namespace logicmock {

struct RequestJournal::Slot {
    mutable std::mutex mutex;  // the writer copying in, or a reader rendering out
    JournalSlot data;
};

RequestJournal::RequestJournal(std::size_t capacity, std::size_t body_limit)
    : capacity_(capacity), body_limit_(body_limit), slots_(capacity) {}

RequestJournal::~RequestJournal() = default;

void RequestJournal::record(const Request& request, const Response& response,
                            const RequestTrace& trace, SystemTime received, double duration_ms) {
    std::uint64_t id = 0;
    Slot* slot = nullptr;
    {
        std::lock_guard lock(mutex_);
        id = next_id_++;
        if (capacity_ == 0) return;
        auto& owned = slots_[(id - 1) % capacity_];
        if (!owned) owned = std::make_unique<Slot>();
        slot = owned.get();
    }
    std::lock_guard lock(slot->mutex);
    // A writer of a newer id that wrapped around the ring got here first: it wins.
    if (slot->data.id > id) return;
    capture_journal_slot(slot->data, request, response, trace, received, duration_ms, body_limit_);
    slot->data.id = id;
}

RequestJournal::Window RequestJournal::window() const {
    std::lock_guard lock(mutex_);
    const std::uint64_t oldest = next_id_ > capacity_ ? next_id_ - capacity_ : 1;
    return {std::max(oldest, visible_from_), next_id_};
}

template <typename Visit>
void RequestJournal::for_each(Visit visit) const {
    if (capacity_ == 0) return;
    const Window w = window();
    for (std::uint64_t id = w.first; id < w.next; ++id) {
        // Created under mutex_ before next_id_ passed id, which window() read under mutex_.
        const Slot* slot = slots_[(id - 1) % capacity_].get();
        if (!slot) return;
        std::lock_guard lock(slot->mutex);
        // Its writer is still on its way: stop, so a reader polling with `since` never skips it.
        if (slot->data.id < id) return;
        if (slot->data.id > id) continue;  // overwritten by a newer id that wrapped around
        if (!visit(slot->data)) return;
    }
}

std::vector<JournalEntry> RequestJournal::list(const JournalFilter& filter) const {
    std::vector<JournalEntry> out;
    for_each([&](const JournalSlot& slot) {
        if (!journal_filter_matches(filter, slot)) return true;
        out.push_back(render_journal_entry(slot, body_limit_));
        return filter.limit == 0 || out.size() < filter.limit;
    });
    return out;
}

std::size_t RequestJournal::count(const JournalFilter& filter) const {
    std::size_t n = 0;
    for_each([&](const JournalSlot& slot) {
        n += journal_filter_matches(filter, slot) ? 1 : 0;
        return true;
    });
    return n;
}

void RequestJournal::clear() {
    std::lock_guard lock(mutex_);
    visible_from_ = next_id_;
}

}  // namespace logicmock
