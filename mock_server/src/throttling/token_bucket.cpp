#include "throttling/token_bucket.hpp"

#include <algorithm>
#include <cmath>

namespace logicmock {
namespace {

std::int64_t earned_micro(const BucketLimits& limits, ThrottleTime last, ThrottleTime now) {
    if (now <= last) return 0;
    const double ns = static_cast<double>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(now - last).count());
    const double micro = limits.refill_per_second * ns / 1000.0;
    const double cap = static_cast<double>(limits.size) * TokenBucket::kMicro;
    return static_cast<std::int64_t>(std::min(micro, cap));
}

}  // namespace

void TokenBucket::refill(const BucketLimits& limits, ThrottleTime now) {
    micro_ = std::min(micro_ + earned_micro(limits, last_, now), limits.size * kMicro);
    if (now > last_) last_ = now;
}

std::int64_t TokenBucket::peek_micro(const BucketLimits& limits, ThrottleTime now) const {
    return std::min(micro_ + earned_micro(limits, last_, now), limits.size * kMicro);
}

std::int64_t TokenBucket::seconds_until_token(const BucketLimits& limits) const {
    const double missing = static_cast<double>(kMicro - std::min(micro_, kMicro)) / kMicro;
    const double seconds = std::ceil(missing / limits.refill_per_second);
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(seconds));
}

}  // namespace logicmock
