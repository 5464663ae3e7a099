#include "runtime/standard_signature.hpp"

namespace logicmock {

SignedFields standard_signed_fields(const WorkflowRecord& workflow, std::string_view trigger) {
    const std::string scope = "/triggers/" + std::string(trigger);
    return SignedFields{workflow.workflow_id, scope, scope + "/run", "1.0", ""};
}

}  // namespace logicmock
