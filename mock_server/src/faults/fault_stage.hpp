#pragma once
// Stage 4b: injected faults. Runs after routing, api-version, authentication and resource lookup
// (so a rule can target one workflow and an unauthenticated call still gets its 401), and before
// the body checks (so a fault stands in for whatever the body would have caused, as ARM's
// gateway answers 429/403 before the provider reads the body). See docs/making-it-fail.md.

#include <optional>

#include "faults/fault_engine.hpp"
#include "logicmock/service_options.hpp"
#include "protocol/request_context.hpp"

namespace logicmock {

// The response that replaces the operation's answer (an injected error, or the stand-in for a
// transport fault), or nullopt to carry on (maybe with a delay); what fired goes to
// context.trace.fault.
std::optional<Response> inject_fault(FaultEngine& engine, const ServiceOptions& options,
                                     RequestContext& context, const RouteMatch& route);

// Whether a request may use x-mock-fault: the admin API is on and, with an admin token, the
// request carries it in x-mock-admin-token.
bool may_use_fault_header(const ServiceOptions& options, const Headers& headers);
// The admin token check shared with the admin API (constant time).
bool admin_token_matches(const std::string& expected, std::string_view presented);

}  // namespace logicmock
