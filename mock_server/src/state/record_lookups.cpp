// Name lookups inside the store's records; names compare case-insensitively (ARM RPC).

#include "logicmock/http_headers.hpp"
#include "logicmock/workflow_store.hpp"

namespace logicmock {

const TriggerRecord* WorkflowRecord::find_trigger(std::string_view wanted) const {
    for (const auto& trigger : triggers) {
        if (iequals(trigger.name, wanted)) return &trigger;
    }
    return nullptr;
}

const SiteWorkflowRecord* SiteRecord::find_workflow(const std::string& wanted) const {
    for (const auto& wf : workflows) {
        if (iequals(wf.workflow.name, wanted)) return &wf;
    }
    return nullptr;
}

}  // namespace logicmock
