#include "throttling/throttler.hpp"

#include <algorithm>

namespace logicmock {
namespace {

// Subscription ids compare case-insensitively (ARM RPC); actors are ids as the token gave them.
std::string bucket_key(std::string_view subscription, std::string_view actor, OperationClass op) {
    std::string key;
    key.reserve(subscription.size() + actor.size() + 2);
    key += static_cast<char>('0' + static_cast<int>(op));
    for (char c : subscription) key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    key += '\n';
    key += actor;  // empty: the global bucket
    return key;
}

}  // namespace

const char* operation_class_name(OperationClass op) {
    switch (op) {
        case OperationClass::Read:
            return "reads";
        case OperationClass::Write:
            return "writes";
        case OperationClass::Delete:
            return "deletes";
    }
    return "writes";
}

const std::array<LimitName, 6>& limit_names() {
    static const std::array<LimitName, 6> names{{
        {"reads", "throttle-reads", BucketScope::Principal, OperationClass::Read},
        {"writes", "throttle-writes", BucketScope::Principal, OperationClass::Write},
        {"deletes", "throttle-deletes", BucketScope::Principal, OperationClass::Delete},
        {"globalReads", "throttle-global-reads", BucketScope::Global, OperationClass::Read},
        {"globalWrites", "throttle-global-writes", BucketScope::Global, OperationClass::Write},
        {"globalDeletes", "throttle-global-deletes", BucketScope::Global, OperationClass::Delete},
    }};
    return names;
}

BucketLimits& limits_of(std::array<BucketLimits, 3>& principal, std::array<BucketLimits, 3>& global,
                        const LimitName& name) {
    auto& table = name.scope == BucketScope::Global ? global : principal;
    return table[static_cast<std::size_t>(name.operation)];
}

std::string bucket_limits_problem(const BucketLimits& l) {
    if (l.size < 1 || l.size > 1'000'000'000) return "size must be a whole number from 1 to 1e9";
    if (!(l.refill_per_second >= 0.001 && l.refill_per_second <= 1e6)) {
        return "refillPerSecond must be a number from 0.001 to 1e6";
    }
    return "";
}

Throttler::Throttler(const ThrottlingOptions& options)
    : mode_(options.mode),
      anonymous_actor_(options.anonymous_actor),
      clock_(options.clock),
      principal_(options.principal),
      global_(options.global),
      max_buckets_(std::max<std::size_t>(2, options.max_buckets)) {}

ThrottleTime Throttler::now() const {
    return clock_ ? clock_->now() : std::chrono::steady_clock::now();
}

const BucketLimits& Throttler::limits(const Entry& e) const {
    const auto i = static_cast<std::size_t>(e.operation);
    return e.actor.empty() ? global_[i] : principal_[i];
}

TokenBucket& Throttler::bucket_for(std::string_view subscription, std::string_view actor,
                                   OperationClass op, ThrottleTime now) {
    std::string key = bucket_key(subscription, actor, op);
    if (auto it = index_.find(key); it != index_.end()) {
        lru_.splice(lru_.begin(), lru_, it->second);
        Entry& e = *it->second;
        e.bucket.refill(limits(e), now);
        return e.bucket;
    }
    while (lru_.size() >= max_buckets_) {
        index_.erase(lru_.back().key);
        lru_.pop_back();
    }
    const auto i = static_cast<std::size_t>(op);
    const BucketLimits& l = actor.empty() ? global_[i] : principal_[i];
    lru_.push_front(
        Entry{key, std::string(subscription), std::string(actor), op, TokenBucket(l, now)});
    index_.emplace(std::move(key), lru_.begin());
    return lru_.front().bucket;
}

const Throttler::Entry* Throttler::find(std::string_view subscription, std::string_view actor,
                                        OperationClass op) const {
    auto it = index_.find(bucket_key(subscription, actor, op));
    return it == index_.end() ? nullptr : &*it->second;
}

ChargeResult Throttler::charge(std::string_view subscription, std::string_view actor,
                               OperationClass op) {
    const ThrottleTime t = now();
    const auto i = static_cast<std::size_t>(op);
    std::lock_guard lock(mutex_);
    TokenBucket& global = bucket_for(subscription, "", op, t);
    TokenBucket& own = bucket_for(subscription, actor, op, t);
    ChargeResult result;
    result.allowed = own.has_token() && global.has_token();
    if (result.allowed) {
        own.take();
        global.take();
    } else {
        if (!own.has_token()) result.retry_after_s = own.seconds_until_token(principal_[i]);
        if (!global.has_token()) {
            result.retry_after_s =
                std::max(result.retry_after_s, global.seconds_until_token(global_[i]));
        }
    }
    result.counts = {op, own.whole_tokens(), global.whole_tokens()};
    return result;
}

RateLimitCounts Throttler::peek(std::string_view subscription, std::string_view actor,
                                OperationClass op) const {
    const ThrottleTime t = now();
    const auto i = static_cast<std::size_t>(op);
    std::lock_guard lock(mutex_);
    auto tokens = [&](std::string_view who, const BucketLimits& l) {
        const Entry* e = find(subscription, who, op);
        return (e ? e->bucket.peek_micro(l, t) : l.size * TokenBucket::kMicro) /
               TokenBucket::kMicro;
    };
    return {op, tokens(actor, principal_[i]), tokens("", global_[i])};
}

ThrottlingSettings Throttler::settings() const {
    std::lock_guard lock(mutex_);
    return {mode(), principal_, global_, max_buckets_};
}

void Throttler::apply(const ThrottlingSettings& s) {
    const ThrottleTime t = now();
    std::lock_guard lock(mutex_);
    // Settle each bucket under the old rates, then clamp it to the new size.
    for (Entry& e : lru_) e.bucket.refill(limits(e), t);
    principal_ = s.principal;
    global_ = s.global;
    for (Entry& e : lru_) e.bucket.refill(limits(e), t);
    max_buckets_ = std::max<std::size_t>(2, s.max_buckets);
    while (lru_.size() > max_buckets_) {
        index_.erase(lru_.back().key);
        lru_.pop_back();
    }
    mode_.store(s.mode, std::memory_order_relaxed);
}

std::vector<BucketStatus> Throttler::buckets() const {
    const ThrottleTime t = now();
    std::lock_guard lock(mutex_);
    std::vector<BucketStatus> out;
    out.reserve(lru_.size());
    for (const Entry& e : lru_) {
        out.push_back({e.subscription, e.actor, e.operation,
                       e.actor.empty() ? BucketScope::Global : BucketScope::Principal,
                       e.bucket.peek_micro(limits(e), t) / TokenBucket::kMicro});
    }
    return out;
}

std::size_t Throttler::bucket_count() const {
    std::lock_guard lock(mutex_);
    return lru_.size();
}

void Throttler::refill_all() {
    std::lock_guard lock(mutex_);
    index_.clear();
    lru_.clear();
}

}  // namespace logicmock
