#include "logic/operations.hpp"

namespace logicmock {

OperationResult run_operation(const OperationInput& input) {
    switch (input.route.route->operation) {
        case Operation::RegenerateAccessKey:
            return regenerate_access_key(input);
        case Operation::ListWorkflowCallbackUrl:
            return list_workflow_callback_url(input);
        case Operation::ListTriggerCallbackUrl:
            return list_trigger_callback_url(input);
        case Operation::GetWorkflow:
            return get_workflow(input);
        case Operation::PutWorkflow:
            return put_workflow(input);
        case Operation::DeleteWorkflow:
            return delete_workflow(input);
        case Operation::ListWorkflows:
            return list_workflows(input);
        case Operation::ListSubscriptions:  // ARM's own routes: resources/ serves them
        case Operation::GetSubscription:
        case Operation::ListTenants:
        case Operation::GetProvider:
        case Operation::GetMetadataEndpoints:
        case Operation::GetSite:  // Logic Apps Standard: web/ serves them
        case Operation::ListSiteWorkflows:
        case Operation::GetSiteWorkflow:
        case Operation::RegenerateSiteAccessKey:
        case Operation::ListSiteTriggers:
        case Operation::GetSiteTrigger:
        case Operation::ListSiteTriggerCallbackUrl:
            break;
    }
    return make_error(ErrorId::InternalServerError);
}

}  // namespace logicmock
