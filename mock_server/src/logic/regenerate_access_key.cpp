#include "logic/operations.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {

// POST .../workflows/{wf}/regenerateAccessKey: replace one key with 32 fresh random bytes.
// 200 with no body, as the 2019-05-01 swagger declares.
OperationResult regenerate_access_key(const OperationInput& input) {
    std::string key_type =
        input.body ? input.body->value("keyType", "NotSpecified") : "NotSpecified";
    KeySlot slot = KeySlot::Primary;
    if (key_type == "Secondary") {
        slot = KeySlot::Secondary;
    } else if (key_type == "NotSpecified" &&
               input.options.not_specified == NotSpecifiedPolicy::Reject) {
        return make_error(ErrorId::KeyTypeNotSpecifiedRejected);
    }
    const WorkflowRecord& wf = input.workflow;
    if (!input.store.replace_key({wf.subscription_id, wf.resource_group, wf.name}, slot,
                                 random_access_key())) {
        // Deleted between lookup and rotation.
        return make_error(ErrorId::ResourceNotFound, {wf.name, wf.resource_group});
    }
    return Response{200, {}, {}};
}

}  // namespace logicmock
