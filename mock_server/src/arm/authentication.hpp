#pragma once
#include <optional>

#include "identity/endpoints/identity_service.hpp"
#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "protocol/caller_principal.hpp"
#include "protocol/error_catalogue.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

// Stage 3: the Authorization header under the configured token policy. The token itself is
// never copied into an error, a log line or a journal. A policy that reads claims names the
// caller in `principal` (for throttling); the others leave it anonymous.
struct AuthInput {
    const Request& request;
    const ServiceOptions& options;
    SystemTime now;
    const IdentityService& identity;  // --auth entra: the keys and directory tokens come from
    const WorkflowStore& store;
    std::string_view subscription_id;  // the route's; "" when it names none
    CallerPrincipal& principal;
};

std::optional<ArmError> authenticate(const AuthInput& in);

}  // namespace logicmock
