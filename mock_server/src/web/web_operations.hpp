#pragma once
// Stage 8 for Logic Apps Standard: the Microsoft.Web/sites operations and the site's hostruntime
// management API (docs/logic-apps-standard.md), once the front door has found the
// site and, where the route names one, its workflow.

#include <variant>

#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/request_context.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

struct WebOperationInput {
    WorkflowStore& store;
    const ServiceOptions& options;
    const RouteMatch& route;
    const SiteRecord& site;
    const WorkflowRecord& workflow;  // the named workflow; empty on site-level routes
    const ParsedBody& body;
    bool azure_hosts = false;  // callback URLs name https://{site}.azurewebsites.net:443
};

using WebOperationResult = std::variant<Response, ArmError>;

WebOperationResult run_web_operation(const WebOperationInput& input);

// Each group lives in its own file.
WebOperationResult get_site(const WebOperationInput& input);  // site_operations.cpp
WebOperationResult list_site_workflows(const WebOperationInput& input);
WebOperationResult get_site_workflow(const WebOperationInput& input);
WebOperationResult list_site_triggers(const WebOperationInput& input);  // site_triggers.cpp
WebOperationResult get_site_trigger(const WebOperationInput& input);
WebOperationResult regenerate_site_access_key(const WebOperationInput& input);  // site_keys.cpp
WebOperationResult list_site_trigger_callback_url(const WebOperationInput& input);

}  // namespace logicmock
