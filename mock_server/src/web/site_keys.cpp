// The hostruntime's key operations: regenerateAccessKey (200, no body) and a trigger's
// listCallbackUrl, a URL in Standard's own format signed with the primary key
// (docs/logic-apps-standard.md).

#include "logic/callback_url_body.hpp"
#include "logic/operations.hpp"
#include "logic/workflow_resource.hpp"
#include "runtime/standard_signature.hpp"
#include "util/random_bytes.hpp"
#include "web/site_resource.hpp"
#include "web/web_operations.hpp"

namespace logicmock {
namespace {

// https://{defaultHostName}:443 with --standard-site-host-urls or Azure's host names (the
// proxy, --azure-host-urls), else the runtime host the Consumption URLs name
// (--runtime-base-url, or this server).
std::string callback_host(const WebOperationInput& in, bool with_port) {
    if (in.options.standard_site_host_urls || in.azure_hosts) {
        return "https://" + in.site.default_host_name + (with_port ? ":443" : "");
    }
    return runtime_base_url(in.options);
}

}  // namespace

WebOperationResult regenerate_site_access_key(const WebOperationInput& input) {
    const auto slot = key_to_regenerate(input.body, input.options);
    if (const auto* e = std::get_if<ArmError>(&slot)) return *e;
    const WorkflowRecord& wf = input.workflow;
    const SiteWorkflowRef ref{wf.subscription_id, wf.resource_group, input.site.name, wf.name};
    if (!input.store.replace_site_key(ref, std::get<KeySlot>(slot), random_access_key())) {
        return make_error(ErrorId::StandardWorkflowNotFound, {wf.name});  // removed meanwhile
    }
    return Response{200, {}, {}};
}

// Signed with the primary key: the SDKs send no body, so there is no keyType to choose.
WebOperationResult list_site_trigger_callback_url(const WebOperationInput& input) {
    const WorkflowRecord& wf = input.workflow;
    const TriggerRecord* trigger = wf.find_trigger(input.route.params.trigger);
    if (!trigger) {
        return make_error(ErrorId::WorkflowTriggerNotFound, {wf.name, input.route.params.trigger});
    }
    if (trigger->type != "Request") {
        return make_error(ErrorId::ListCallbackUrlNotSupported, {trigger->type});
    }
    const SignedFields fields = standard_signed_fields(wf, trigger->name);
    const std::string sig = callback_signature(wf.primary_key, fields);
    const std::string path =
        "/api/" + url_encode(wf.name) + "/triggers/" + url_encode(trigger->name) + "/invoke";
    return callback_url_response(callback_host(input, true) + path,
                                 callback_host(input, false) + path,
                                 input.options.standard_runtime_api_version, fields, sig);
}

}  // namespace logicmock
