#pragma once
// The bodies of ARM's own resources, as azure-mgmt-resource (subscriptions 2019-11-01,
// resources 2021-04-01) models them.

#include <nlohmann/json.hpp>
#include <string>

#include "logicmock/workflow_store.hpp"
#include "protocol/response_headers.hpp"
#include "resources/provider_catalogue.hpp"

namespace logicmock {

nlohmann::json subscription_json(const SubscriptionRecord& subscription);
nlohmann::json subscription_list_json(const WorkflowStore& store);  // {"value": [...]}
nlohmann::json tenant_list_json(const WorkflowStore& store);        // {"value": [...]}
nlohmann::json provider_json(const ProviderInfo& provider, const std::string& subscription_id);

// GET /metadata/endpoints: the 2015-01-01 object, or the 2019-05-01 array of clouds. The login
// endpoint is this server's ADFS authority ({base}/adfs), the one form that the Azure CLI 2.45
// signs in with without asking login.microsoftonline.com first (docs/signing-in.md).
nlohmann::json metadata_endpoints_json(const std::string& self_base_url, bool cloud_array);

}  // namespace logicmock
