#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/error_catalogue.hpp"

namespace logicmock {

// The api-versions of Microsoft.Logic that define the workflow operations served here.
std::string_view supported_api_versions();  // "2016-06-01, 2018-07-01-preview, 2019-05-01"
bool is_supported_api_version(std::string_view version);

// Stage 2: api-version present (MissingApiVersionParameter) and supported for the resource type
// (NoRegisteredProviderFound, whose message names the resource's location, looked up only then).
std::optional<ArmError> check_api_version(const std::optional<std::string>& api_version,
                                          const std::function<std::string()>& location);
// The same for Microsoft.Web/sites (Logic Apps Standard), whose list also covers the hostruntime
// paths (../shared/docs/logic-standard.md section 2.1).
std::optional<ArmError> check_web_api_version(const std::optional<std::string>& api_version,
                                              const std::function<std::string()>& location);

}  // namespace logicmock
