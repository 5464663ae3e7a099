#pragma once
// What the pipeline learned about one request on the way through, for the fault stage's
// decision and the journal.

#include <optional>
#include <string>
#include <string_view>

#include "logicmock/http_types.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

struct FaultOutcome {
    std::string rule_id;  // the rule that fired; "header" for x-mock-fault; "" for none
    std::string action;   // FaultAction::label()
    int delay_ms = 0;
    std::optional<TransportFault> transport;
};

struct RequestTrace {
    const RouteSpec* route = nullptr;  // set once a route matched
    std::string_view operation_id;     // the route's, or the runtime's invocation
    PathParams params;
    FaultOutcome fault;
    std::string error_code;  // the ArmError answered with, for the journal (no re-parsing)
    std::string error_message;
};

}  // namespace logicmock
