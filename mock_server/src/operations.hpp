#pragma once
// Stage 8: the operation itself, once the front door has accepted the request.

#include <variant>

#include "error_catalogue.hpp"
#include "logicmock/service.hpp"
#include "request_body.hpp"
#include "routes.hpp"

namespace logicmock {

struct OperationInput {
    WorkflowStore& store;
    const ServiceOptions& options;
    const RouteMatch& route;
    const WorkflowRecord& workflow;
    const ParsedBody& body;
};

using OperationResult = std::variant<Response, ArmError>;

OperationResult run_operation(const OperationInput& input);

// Each operation lives in its own file.
OperationResult regenerate_access_key(const OperationInput& input);

}  // namespace logicmock
