#include "logicmock/http_headers.hpp"
#include "logicmock/workflow_store.hpp"

namespace logicmock {

const SiteWorkflowRecord* SiteRecord::find_workflow(const std::string& wanted) const {
    for (const auto& wf : workflows) {
        if (iequals(wf.workflow.name, wanted)) return &wf;
    }
    return nullptr;
}

}  // namespace logicmock
