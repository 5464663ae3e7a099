#pragma once
#include <functional>
#include <optional>
#include <string>

#include "protocol/error_catalogue.hpp"
#include "resources/provider_catalogue.hpp"

namespace logicmock {

// Stage 2: api-version present (MissingApiVersionParameter) and one the resource type lists in
// the provider catalogue (NoRegisteredProviderFound, whose message names the resource's location,
// looked up only then). Microsoft.Web/sites' list also covers its hostruntime paths
// (docs/logic-apps-standard.md).
std::optional<ArmError> check_api_version(const ResourceTypeInfo& type,
                                          const std::optional<std::string>& api_version,
                                          const std::function<std::string()>& location);

}  // namespace logicmock
