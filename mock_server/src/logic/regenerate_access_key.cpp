#include "logic/operations.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {

// POST .../workflows/{wf}/regenerateAccessKey: replace one key with 32 fresh random bytes.
// 200 with no body, as the 2019-05-01 swagger declares.
std::variant<KeySlot, ArmError> key_to_regenerate(const ParsedBody& body,
                                                  const ServiceOptions& options) {
    const std::string key_type = body ? body->value("keyType", "NotSpecified") : "NotSpecified";
    if (key_type == "Secondary") return KeySlot::Secondary;
    if (key_type == "NotSpecified" && options.not_specified == NotSpecifiedPolicy::Reject) {
        return make_error(ErrorId::KeyTypeNotSpecifiedRejected);
    }
    return KeySlot::Primary;
}

OperationResult regenerate_access_key(const OperationInput& input) {
    const auto slot = key_to_regenerate(input.body, input.options);
    if (const auto* e = std::get_if<ArmError>(&slot)) return *e;
    const WorkflowRecord& wf = input.workflow;
    if (!input.store.replace_key({wf.subscription_id, wf.resource_group, wf.name},
                                 std::get<KeySlot>(slot), random_access_key())) {
        // Deleted between lookup and rotation.
        return make_error(ErrorId::ResourceNotFound, {wf.name, wf.resource_group});
    }
    return Response{200, {}, {}};
}

}  // namespace logicmock
