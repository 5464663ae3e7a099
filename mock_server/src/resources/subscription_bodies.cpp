#include "resources/resource_bodies.hpp"

namespace logicmock {

nlohmann::json subscription_json(const SubscriptionRecord& subscription) {
    // Assumption: a seed without a display name shows the id; the policies of a pay-as-you-go
    // subscription.
    const std::string& name = subscription.display_name.empty() ? subscription.subscription_id
                                                                : subscription.display_name;
    return {{"id", "/subscriptions/" + subscription.subscription_id},
            {"authorizationSource", "RoleBased"},
            {"managedByTenants", nlohmann::json::array()},
            {"subscriptionId", subscription.subscription_id},
            {"tenantId", subscription.tenant_id},
            {"displayName", name},
            {"state", "Enabled"},
            {"subscriptionPolicies",
             {{"locationPlacementId", "Public_2014-09-01"},
              {"quotaId", "PayAsYouGo_2014-09-01"},
              {"spendingLimit", "Off"}}}};
}

nlohmann::json subscription_list_json(const WorkflowStore& store) {
    nlohmann::json value = nlohmann::json::array();
    for (const auto& subscription : store.subscriptions()) {
        value.push_back(subscription_json(subscription));
    }
    return {{"value", value}};
}

nlohmann::json tenant_list_json(const WorkflowStore& store) {
    nlohmann::json value = nlohmann::json::array();
    for (const auto& tenant : store.tenants()) {
        nlohmann::json domains = nlohmann::json::array();
        if (!tenant.default_domain.empty()) domains.push_back(tenant.default_domain);
        // Assumption: every tenant is a home tenant in the United States.
        nlohmann::json entry = {{"id", "/tenants/" + tenant.tenant_id},
                                {"tenantId", tenant.tenant_id},
                                {"countryCode", "US"},
                                {"displayName", tenant.display_name},
                                {"domains", domains},
                                {"tenantCategory", "Home"}};
        if (!tenant.default_domain.empty()) entry["defaultDomain"] = tenant.default_domain;
        value.push_back(std::move(entry));
    }
    return {{"value", value}};
}

}  // namespace logicmock
