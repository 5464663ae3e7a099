#pragma once
// The buckets of one server (one region): per (subscription, actor, operation type) and a
// global one per (subscription, operation type), in one bounded LRU map under one mutex, so a
// request takes its two tokens together or not at all, whatever runs beside it.

#include <atomic>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "logicmock/throttling.hpp"
#include "protocol/request_trace.hpp"
#include "throttling/token_bucket.hpp"

namespace logicmock {

enum class BucketScope { Principal, Global };

struct ChargeResult {
    bool allowed = false;  // false: a bucket was empty and nothing was taken
    RateLimitCounts counts;
    std::int64_t retry_after_s = 0;  // when !allowed: whole seconds until both have a token
};

struct BucketStatus {
    std::string subscription;
    std::string actor;  // empty for a global bucket
    OperationClass operation;
    BucketScope scope;
    std::int64_t remaining;  // whole tokens now
};

struct ThrottlingSettings {
    ThrottleMode mode;
    std::array<BucketLimits, 3> principal;
    std::array<BucketLimits, 3> global;
    std::size_t max_buckets;
};

// The six limits by name: "reads" / "globalWrites" in the admin API, --throttle-reads /
// --throttle-global-writes on the command line.
struct LimitName {
    const char* json;
    const char* flag;
    BucketScope scope;
    OperationClass operation;
};
const std::array<LimitName, 6>& limit_names();
BucketLimits& limits_of(std::array<BucketLimits, 3>& principal, std::array<BucketLimits, 3>& global,
                        const LimitName& name);
// "" when usable: size 1..1e9 tokens, refill 0.001..1e6 tokens per second.
std::string bucket_limits_problem(const BucketLimits& limits);

class Throttler {
  public:
    explicit Throttler(const ThrottlingOptions& options);

    ThrottleMode mode() const { return mode_.load(std::memory_order_relaxed); }
    const std::string& anonymous_actor() const { return anonymous_actor_; }
    ThrottleTime now() const;

    // Takes one token from the actor's bucket and one from the global bucket when both have
    // one; takes none when either is empty.
    ChargeResult charge(std::string_view subscription, std::string_view actor, OperationClass op);
    // What the two buckets hold now, without taking, creating or touching them.
    RateLimitCounts peek(std::string_view subscription, std::string_view actor,
                         OperationClass op) const;

    ThrottlingSettings settings() const;
    void apply(const ThrottlingSettings& settings);  // existing buckets keep their tokens
    std::vector<BucketStatus> buckets() const;       // most recently used first
    std::size_t bucket_count() const;
    void refill_all();  // forgets every bucket: each is full when next used

  private:
    struct Entry {
        std::string key;
        std::string subscription;
        std::string actor;
        OperationClass operation;
        TokenBucket bucket;
    };
    using Lru = std::list<Entry>;

    const BucketLimits& limits(const Entry& e) const;
    TokenBucket& bucket_for(std::string_view subscription, std::string_view actor,
                            OperationClass op, ThrottleTime now);
    const Entry* find(std::string_view subscription, std::string_view actor,
                      OperationClass op) const;

    std::atomic<ThrottleMode> mode_;
    const std::string anonymous_actor_;
    const std::shared_ptr<const ThrottleClock> clock_;
    mutable std::mutex mutex_;
    std::array<BucketLimits, 3> principal_;
    std::array<BucketLimits, 3> global_;
    std::size_t max_buckets_;
    Lru lru_;  // front: most recently used
    std::unordered_map<std::string, Lru::iterator> index_;
};

}  // namespace logicmock
