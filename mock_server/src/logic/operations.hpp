#pragma once
// Stage 8: the operation itself, once the front door has accepted the request.

#include <variant>

#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/request_context.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

struct OperationInput {
    WorkflowStore& store;
    const ServiceOptions& options;
    const RouteMatch& route;
    const WorkflowRecord& workflow;
    const ParsedBody& body;
    bool workflow_exists = true;  // false only on RouteScope::WorkflowOrAbsent/ResourceGroup
    std::string api_version;      // of the request, already checked
    // Callback URLs and accessEndpoint name Azure's runtime hosts (azure_runtime_host).
    bool azure_hosts = false;
};

using OperationResult = std::variant<Response, ArmError>;

OperationResult run_operation(const OperationInput& input);

// The key regenerateAccessKey rotates: keyType Secondary, else Primary; NotSpecified (or none)
// is refused under --not-specified reject. Shared with Logic Apps Standard's (web/).
std::variant<KeySlot, ArmError> key_to_regenerate(const ParsedBody& body,
                                                  const ServiceOptions& options);

// Each operation lives in its own file.
OperationResult regenerate_access_key(const OperationInput& input);
OperationResult list_workflow_callback_url(const OperationInput& input);  // list_callback_url.cpp
OperationResult list_trigger_callback_url(const OperationInput& input);
OperationResult get_workflow(const OperationInput& input);  // workflow_operations.cpp
OperationResult put_workflow(const OperationInput& input);
OperationResult delete_workflow(const OperationInput& input);
OperationResult list_workflows(const OperationInput& input);

}  // namespace logicmock
