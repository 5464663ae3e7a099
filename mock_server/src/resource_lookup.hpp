#pragma once
#include <variant>

#include "error_catalogue.hpp"
#include "logicmock/workflow_store.hpp"
#include "routes.hpp"

namespace logicmock {

// Stage 4: subscription, then resource group, then workflow, each with ARM's 404.
std::variant<WorkflowRecord, ArmError> resolve_workflow(const WorkflowStore& store,
                                                        const PathParams& params);

// The location to name in messages before the workflow is known: the workflow's, else its
// resource group's, else the fallback.
std::string location_hint(const WorkflowStore& store, const PathParams& params,
                          const std::string& fallback);

}  // namespace logicmock
