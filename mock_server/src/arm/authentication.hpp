#pragma once
#include <optional>

#include "identity/identity_service.hpp"
#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "protocol/error_catalogue.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

// Stage 3: the Authorization header under the configured token policy. The token itself is
// never copied into an error, a log line or a journal.
struct AuthInput {
    const Request& request;
    const ServiceOptions& options;
    SystemTime now;
    const IdentityService& identity;  // --auth entra: the keys and directory tokens come from
    const WorkflowStore& store;
    std::string_view subscription_id;  // the route's; "" when it names none
};

std::optional<ArmError> authenticate(const AuthInput& in);

}  // namespace logicmock
