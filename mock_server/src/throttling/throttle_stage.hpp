#pragma once
// Stage 4c of the ARM pipeline: charge the request to its buckets and, in enforce mode, answer
// 429 when one is empty. After authentication and the subscription / resource group lookup and
// after the fault stage (fault rules win); before the body checks (docs/reference/arm-errors.md,
// ARM's order of checks).

#include <optional>
#include <string_view>

#include "protocol/error_catalogue.hpp"
#include "protocol/request_context.hpp"
#include "throttling/throttler.hpp"

namespace logicmock {

OperationClass operation_class(std::string_view method);

// Sets context.trace.rate_limit (and .throttled); the 429 when the request is refused.
std::optional<ArmError> throttle_request(Throttler& throttler, RequestContext& context,
                                         std::string_view subscription);

// For an answer decided before stage 4c: what the request's buckets hold, nothing taken.
// Empty when the path names no subscription.
std::optional<RateLimitCounts> uncharged_counts(const Throttler& throttler,
                                                const RequestContext& context);

}  // namespace logicmock
