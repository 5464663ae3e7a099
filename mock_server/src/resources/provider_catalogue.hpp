#pragma once
// The resource providers this fake serves, their resource types, api-versions (newest first, as
// `az resource` expects them) and locations. The one source of these lists: stage 2 checks
// api-versions against it and GET .../providers/{namespace} publishes it.

#include <string>
#include <string_view>
#include <vector>

namespace logicmock {

struct ResourceTypeInfo {
    std::string_view resource_type;              // "workflows"
    std::vector<std::string_view> api_versions;  // newest first
    std::vector<std::string_view> locations;     // display names, "West US"
    std::string_view capabilities;
};

struct ProviderInfo {
    std::string_view provider_namespace;  // "Microsoft.Logic"
    std::vector<ResourceTypeInfo> resource_types;
};

const std::vector<ProviderInfo>& provider_catalogue();
const ProviderInfo* find_provider(std::string_view provider_namespace);  // case-insensitive
const ResourceTypeInfo& logic_workflows();  // Microsoft.Logic/workflows
const ResourceTypeInfo& web_sites();        // Microsoft.Web/sites (Logic Apps Standard)

}  // namespace logicmock
