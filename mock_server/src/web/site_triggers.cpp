// GET .../hostruntime/.../workflows/{workflow}/triggers[/{trigger}]. Assumption: $top and
// $filter are ignored (a workflow has few triggers; no nextLink).

#include "protocol/response_headers.hpp"
#include "web/site_resource.hpp"
#include "web/web_operations.hpp"

namespace logicmock {

WebOperationResult list_site_triggers(const WebOperationInput& input) {
    nlohmann::json value = nlohmann::json::array();
    for (const auto& trigger : input.workflow.triggers) {
        value.push_back(site_trigger_json(input.workflow, trigger));
    }
    return json_response(200, {{"value", value}});
}

WebOperationResult get_site_trigger(const WebOperationInput& input) {
    const TriggerRecord* trigger = input.workflow.find_trigger(input.route.params.trigger);
    if (!trigger) {
        return make_error(ErrorId::WorkflowTriggerNotFound,
                          {input.workflow.name, input.route.params.trigger});
    }
    return json_response(200, site_trigger_json(input.workflow, *trigger));
}

}  // namespace logicmock
