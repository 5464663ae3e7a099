#include "resources/resource_bodies.hpp"

namespace logicmock {

nlohmann::json provider_json(const ProviderInfo& provider, const std::string& subscription_id) {
    nlohmann::json types = nlohmann::json::array();
    for (const auto& type : provider.resource_types) {
        types.push_back({{"resourceType", type.resource_type},
                         {"locations", type.locations},
                         {"apiVersions", type.api_versions},
                         {"capabilities", type.capabilities}});
    }
    const std::string ns(provider.provider_namespace);
    return {{"id", "/subscriptions/" + subscription_id + "/providers/" + ns},
            {"namespace", ns},
            {"registrationState", "Registered"},
            {"registrationPolicy", "RegistrationRequired"},
            {"resourceTypes", types}};
}

}  // namespace logicmock
