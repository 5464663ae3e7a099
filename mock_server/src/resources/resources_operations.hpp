#pragma once
// Stage 8 for ARM's own routes: the subscriptions and tenants the caller may use, a resource
// provider's types and api-versions, and the cloud's metadata endpoints, in the shapes
// azure-mgmt-resource and the Azure CLI read (docs/signing-in.md).

#include <string>

#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

struct ResourcesInput {
    const WorkflowStore& store;
    const ServiceOptions& options;
    const RouteMatch& route;
    std::string api_version;  // already checked
};

bool is_resources_operation(Operation operation);

// 200 with the body, or the route's error (InvalidResourceNamespace).
std::variant<Response, ArmError> run_resources_operation(const ResourcesInput& input);

}  // namespace logicmock
