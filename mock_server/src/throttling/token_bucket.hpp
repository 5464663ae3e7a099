#pragma once
// One token bucket in micro-tokens, so that refill arithmetic is exact for whole and decimal
// rates and a header never reports 199 for a bucket that holds 200.

#include <cstdint>

#include "logicmock/throttling.hpp"

namespace logicmock {

class TokenBucket {
  public:
    static constexpr std::int64_t kMicro = 1'000'000;

    TokenBucket(const BucketLimits& limits, ThrottleTime now)
        : micro_(limits.size * kMicro), last_(now) {}

    // Adds what the time since the last refill earned, up to the size (a full bucket discards
    // the rest). A clock that goes backwards adds nothing.
    void refill(const BucketLimits& limits, ThrottleTime now);
    // The same arithmetic without changing the bucket: the tokens it would hold now.
    std::int64_t peek_micro(const BucketLimits& limits, ThrottleTime now) const;

    bool has_token() const { return micro_ >= kMicro; }
    void take() { micro_ -= kMicro; }
    std::int64_t whole_tokens() const { return micro_ / kMicro; }
    // Whole seconds until one token is back (at least 1).
    std::int64_t seconds_until_token(const BucketLimits& limits) const;

  private:
    std::int64_t micro_;
    ThrottleTime last_;
};

}  // namespace logicmock
