#include "web/web_operations.hpp"

namespace logicmock {

bool is_web_operation(Operation operation) {
    switch (operation) {
        case Operation::GetSite:
        case Operation::ListSiteWorkflows:
        case Operation::GetSiteWorkflow:
        case Operation::RegenerateSiteAccessKey:
        case Operation::ListSiteTriggers:
        case Operation::GetSiteTrigger:
        case Operation::ListSiteTriggerCallbackUrl:
            return true;
        default:
            return false;
    }
}

WebOperationResult run_web_operation(const WebOperationInput& input) {
    switch (input.route.route->operation) {
        case Operation::GetSite:
            return get_site(input);
        case Operation::ListSiteWorkflows:
            return list_site_workflows(input);
        case Operation::GetSiteWorkflow:
            return get_site_workflow(input);
        case Operation::RegenerateSiteAccessKey:
            return regenerate_site_access_key(input);
        case Operation::ListSiteTriggers:
            return list_site_triggers(input);
        case Operation::GetSiteTrigger:
            return get_site_trigger(input);
        case Operation::ListSiteTriggerCallbackUrl:
            return list_site_trigger_callback_url(input);
        default:
            return make_error(ErrorId::InternalServerError);
    }
}

}  // namespace logicmock
