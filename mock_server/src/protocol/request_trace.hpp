#pragma once
// What the pipeline learned about one request on the way through, for the fault stage's
// decision and the journal.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "logicmock/http_types.hpp"
#include "logicmock/throttling.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

struct FaultOutcome {
    std::string rule_id;  // the rule that fired; "header" for x-mock-fault; "" for none
    std::string action;   // FaultAction::label()
    int delay_ms = 0;
    std::optional<TransportFault> transport;
};

// What the x-ms-ratelimit-remaining-* headers of one answer report: the tokens left in the
// principal's and the subscription's global bucket of the request's operation type.
struct RateLimitCounts {
    OperationClass operation = OperationClass::Read;
    std::int64_t remaining = 0;
    std::int64_t global_remaining = 0;
};

struct RequestTrace {
    const RouteSpec* route = nullptr;  // set once a route matched
    std::string_view operation_id;     // the route's, or the runtime's invocation
    PathParams params;
    FaultOutcome fault;
    std::optional<RateLimitCounts> rate_limit;  // set by the throttling stage (charged or not)
    bool throttled = false;                     // answered 429 by the throttling stage
    std::string error_code;  // the ArmError answered with, for the journal (no re-parsing)
    std::string error_message;
};

}  // namespace logicmock
