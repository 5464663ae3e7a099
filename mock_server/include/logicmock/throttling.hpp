#pragma once
// ARM's 2024 throttling model (docs/throttling.md): token buckets per
// subscription x principal x operation type, plus one global bucket per subscription and
// operation type. Settings for ServiceOptions::throttling and a clock tests can move by hand.

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace logicmock {

enum class ThrottleMode {
    Off,      // the legacy constant x-ms-ratelimit-remaining-subscription-* header, no buckets
    Count,    // buckets count down and refill; the headers report them; never 429
    Enforce,  // as Count, and an empty bucket answers 429 SubscriptionRequestsThrottled
};

// GET/HEAD read, DELETE deletes, PUT/PATCH/POST (actions included) write.
enum class OperationClass { Read = 0, Write = 1, Delete = 2 };

struct BucketLimits {
    std::int64_t size = 0;         // tokens a full bucket holds
    double refill_per_second = 0;  // tokens added per second, up to size
};

using ThrottleTime = std::chrono::steady_clock::time_point;

class ThrottleClock {
  public:
    virtual ~ThrottleClock() = default;
    virtual ThrottleTime now() const = 0;
};

// A clock that moves only when told to; safe to advance while requests are served.
class ManualClock : public ThrottleClock {
  public:
    ThrottleTime now() const override { return ThrottleTime(std::chrono::nanoseconds(ns_.load())); }
    void advance(std::chrono::nanoseconds by) { ns_ += by.count(); }

  private:
    std::atomic<std::int64_t> ns_{0};
};

struct ThrottlingOptions {
    ThrottleMode mode = ThrottleMode::Count;
    // Indexed by OperationClass. Defaults: THROTTLE-DOC-2024 (verified) and 15x for the global
    // buckets (inferred; the 3749 / 2999 header values on fresh buckets agree).
    std::array<BucketLimits, 3> principal{{{250, 25}, {200, 10}, {200, 10}}};
    std::array<BucketLimits, 3> global{{{3750, 375}, {3000, 150}, {3000, 150}}};
    // Buckets kept at most; the least recently used one is forgotten (it is full again when next
    // used), so many principals or subscriptions cannot grow memory without bound.
    std::size_t max_buckets = 100000;
    // The actor named in the 429 message when the auth mode reads no claims.
    std::string anonymous_actor = "00000000-0000-0000-0000-000000000000";
    // null: std::chrono::steady_clock.
    std::shared_ptr<const ThrottleClock> clock;
};

// Invalid settings for /_mock/throttling or MockAdmin::set_throttling; names the JSON path.
class ThrottlingSettingsError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

const char* operation_class_name(OperationClass op);  // "reads", "writes", "deletes"

}  // namespace logicmock
