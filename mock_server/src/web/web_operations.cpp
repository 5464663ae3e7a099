#include "web/web_operations.hpp"

namespace logicmock {

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
