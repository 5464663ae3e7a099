#include "resources/provider_catalogue.hpp"

#include "logicmock/http_types.hpp"

namespace logicmock {
namespace {

// Assumption: the Logic regions ARM lists; the real list is longer and changes over time.
const std::vector<std::string_view> kLocations{
    "Australia East",   "Brazil South", "Canada Central", "Central US",       "East Asia",
    "East US",          "East US 2",    "Japan East",     "North Central US", "North Europe",
    "South Central US", "UK South",     "West Europe",    "West US",          "West US 2"};

}  // namespace

const std::vector<ProviderInfo>& provider_catalogue() {
    static const std::vector<ProviderInfo> providers{
        // The api-versions that define the workflow operations served here (the published
        // OpenAPI file: azure-rest-api-specs, specification/logic/resource-manager/
        // Microsoft.Logic/stable/2019-05-01/logic.json).
        {"Microsoft.Logic",
         {{"workflows",
           {"2019-05-01", "2018-07-01-preview", "2016-06-01"},
           kLocations,
           "CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, "
           "SystemAssignedResourceIdentity, SupportsTags, SupportsLocation"}}},
        // Logic Apps Standard runs on Microsoft.Web/sites (docs/logic-apps-standard.md).
        {"Microsoft.Web",
         {{"sites",
           {"2025-05-01", "2025-03-01", "2024-11-01", "2024-04-01", "2023-12-01", "2023-01-01",
            "2022-09-01", "2022-03-01", "2018-11-01"},
           kLocations,
           "CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SupportsTags, "
           "SupportsLocation"}}},
    };
    return providers;
}

const ProviderInfo* find_provider(std::string_view provider_namespace) {
    for (const auto& provider : provider_catalogue()) {
        if (iequals(provider.provider_namespace, provider_namespace)) return &provider;
    }
    return nullptr;
}

const ResourceTypeInfo& logic_workflows() {
    return provider_catalogue().front().resource_types.front();
}

const ResourceTypeInfo& web_sites() {
    return find_provider("Microsoft.Web")->resource_types.front();
}

}  // namespace logicmock
