#pragma once
#include <optional>

#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "protocol/caller_principal.hpp"
#include "protocol/error_catalogue.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

// Stage 3: the Authorization header under the configured token policy. The token itself is
// never copied into an error, a log line or a journal. A policy that reads claims names the
// caller in `principal` (for throttling); the others leave it anonymous.
std::optional<ArmError> authenticate(const Headers& headers, const ServiceOptions& options,
                                     SystemTime now, CallerPrincipal& principal);

}  // namespace logicmock
