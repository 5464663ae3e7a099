#pragma once
#include <optional>
#include <variant>

#include "arm/routes.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/error_catalogue.hpp"

namespace logicmock {

// Stage 4: subscription, then resource group, then workflow, each with ARM's 404.
std::variant<WorkflowRecord, ArmError> resolve_workflow(const WorkflowStore& store,
                                                        const PathParams& params);

// Stage 4 by the route's scope. For RouteScope::WorkflowOrAbsent and ResourceGroup routes the
// workflow need not exist: then exists is false and workflow holds only the subscription and
// resource group (as first created) and the requested name.
// For the Microsoft.Web site scopes, site holds the site and workflow its workflow (when the
// route names one).
struct RouteTarget {
    WorkflowRecord workflow;
    bool exists = true;
    std::optional<SiteRecord> site = std::nullopt;
};
std::variant<RouteTarget, ArmError> resolve_route_target(const WorkflowStore& store,
                                                         const RouteMatch& match);

// The location to name in messages before the workflow is known: the workflow's, else its
// resource group's, else the fallback.
std::string location_hint(const WorkflowStore& store, const PathParams& params,
                          const std::string& fallback);

}  // namespace logicmock
