#pragma once
// Stage 2 for ARM's own endpoints (subscriptions, tenants, providers, metadata): api-version
// present (MissingApiVersionParameter) and one ARM serves (InvalidApiVersionParameter).

#include <optional>
#include <string>

#include "protocol/error_catalogue.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

std::optional<ArmError> check_arm_api_version(ApiVersionSet set,
                                              const std::optional<std::string>& api_version);

}  // namespace logicmock
