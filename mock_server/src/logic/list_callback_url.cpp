// POST .../workflows/{wf}/listCallbackUrl, .../triggers/{t}/listCallbackUrl and
// .../versions/{v}/triggers/{t}/listCallbackUrl: a callback URL signed with the chosen key.

#include "logic/callback_url_body.hpp"
#include "logic/operations.hpp"
#include "logic/workflow_resource.hpp"
#include "runtime/callback_signature.hpp"
#include "util/iso_time.hpp"

namespace logicmock {
namespace {

constexpr std::string_view kSasVersion = "1.0";

struct CallbackParameters {
    KeySlot slot = KeySlot::Primary;  // NotSpecified and absent mean Primary
    std::optional<Ticks> not_after;
};

std::variant<CallbackParameters, ArmError> read_parameters(const ParsedBody& body) {
    CallbackParameters p;
    if (!body || !body->is_object()) return p;
    if (body->value("keyType", "NotSpecified") == "Secondary") p.slot = KeySlot::Secondary;
    if (auto it = body->find("notAfter"); it != body->end() && it->is_string()) {
        const std::string text = it->get<std::string>();
        p.not_after = parse_iso8601(text);
        if (!p.not_after) return make_error(ErrorId::InvalidNotAfter, {text});
    }
    return p;
}

OperationResult callback_url(const OperationInput& in, const TriggerRecord& trigger,
                             const std::string& version) {
    if (trigger.type != "Request") {
        return make_error(ErrorId::ListCallbackUrlNotSupported, {trigger.type});
    }
    auto parameters = read_parameters(in.body);
    if (auto* e = std::get_if<ArmError>(&parameters)) return *e;
    const auto& p = std::get<CallbackParameters>(parameters);
    const WorkflowRecord& wf = in.workflow;

    const std::string version_scope = version.empty() ? "" : "/versions/" + version;
    SignedFields fields{wf.workflow_id, version_scope + "/triggers/" + trigger.name, "", "1.0",
                        p.not_after ? format_iso8601(*p.not_after) : ""};
    fields.sp = fields.scope + "/run";
    fields.sv = kSasVersion;
    const std::string sig =
        callback_signature(p.slot == KeySlot::Primary ? wf.primary_key : wf.secondary_key, fields);

    const std::string path = "/workflows/" + wf.workflow_id +
                             (version.empty() ? "" : "/versions/" + url_encode(version)) +
                             "/triggers/" + url_encode(trigger.name) + "/paths/invoke";
    if (!in.azure_hosts) {
        const std::string base = runtime_base_url(in.options) + path;
        return callback_url_response(base, base, in.api_version, fields, sig);
    }
    return callback_url_response(azure_runtime_host(wf.location, in.options, true) + path,
                                 azure_runtime_host(wf.location, in.options, false) + path,
                                 in.api_version, fields, sig);
}

}  // namespace

// Workflow level: the first Request trigger by name, else 400 (docs/callbacks-and-state.md).
OperationResult list_workflow_callback_url(const OperationInput& input) {
    for (const auto& trigger : input.workflow.triggers) {
        if (trigger.type == "Request") return callback_url(input, trigger, "");
    }
    return make_error(ErrorId::WorkflowHasNoRequestTrigger, {input.workflow.name});
}

OperationResult list_trigger_callback_url(const OperationInput& input) {
    const TriggerRecord* trigger = input.workflow.find_trigger(input.route.params.trigger);
    if (!trigger) {
        return make_error(ErrorId::WorkflowTriggerNotFound,
                          {input.workflow.name, input.route.params.trigger});
    }
    return callback_url(input, *trigger, input.route.params.version);
}

}  // namespace logicmock
