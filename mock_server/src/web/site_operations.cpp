// GET .../sites/{name}, .../sites/{name}/workflows and .../sites/{name}/workflows/{workflow}.

#include "protocol/response_headers.hpp"
#include "web/site_resource.hpp"
#include "web/web_operations.hpp"

namespace logicmock {

WebOperationResult get_site(const WebOperationInput& input) {
    return json_response(200, site_json(input.site));
}

WebOperationResult list_site_workflows(const WebOperationInput& input) {
    nlohmann::json value = nlohmann::json::array();
    for (const auto& wf : input.site.workflows) {
        value.push_back(workflow_envelope_json(input.site, wf, false));
    }
    return json_response(200, {{"value", value}});
}

WebOperationResult get_site_workflow(const WebOperationInput& input) {
    const SiteWorkflowRecord* wf = input.site.find_workflow(input.workflow.name);
    if (!wf) return make_error(ErrorId::SiteWorkflowNotFound, {input.route.params.workflow});
    return json_response(200, workflow_envelope_json(input.site, *wf, true));
}

}  // namespace logicmock
