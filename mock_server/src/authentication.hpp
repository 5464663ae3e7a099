#pragma once
#include <optional>

#include "arm_time.hpp"
#include "error_catalogue.hpp"
#include "logicmock/http_types.hpp"
#include "logicmock/service.hpp"

namespace logicmock {

// Stage 3: the Authorization header under the configured token policy. The token itself is
// never copied into an error, a log line or a journal.
std::optional<ArmError> authenticate(const Headers& headers, const ServiceOptions& options,
                                     SystemTime now);

}  // namespace logicmock
