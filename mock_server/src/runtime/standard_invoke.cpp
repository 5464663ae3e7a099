#include "runtime/standard_invoke.hpp"

#include "protocol/error_catalogue.hpp"
#include "protocol/request_target.hpp"
#include "runtime/runtime_answers.hpp"
#include "runtime/standard_signature.hpp"
#include "util/random_bytes.hpp"

#include "logicmock/http_headers.hpp"

namespace logicmock {
namespace {

struct StandardPath {
    std::string workflow;
    std::string trigger;
};

std::optional<StandardPath> match_standard_path(const std::vector<std::string>& s) {
    auto at = [&](std::size_t i, std::string_view literal) { return iequals(s[i], literal); };
    if (s.size() == 5 && at(0, "api") && at(2, "triggers") && at(4, "invoke")) {
        return StandardPath{s[1], s[3]};
    }
    return std::nullopt;
}

std::string host_name(const Request& request) {
    std::string host(request.headers.get("Host").value_or(""));
    if (auto colon = host.rfind(':'); colon != std::string::npos && host.find(']') == host.npos) {
        host.resize(colon);
    }
    return host;
}

// The sites that may own the URL: the one the Host header names, else every site.
std::vector<SiteRecord> candidate_sites(const WorkflowStore& store, const Request& request) {
    std::vector<SiteRecord> sites = store.all_sites();
    const std::string host = host_name(request);
    for (const auto& site : sites) {
        if (iequals(site.default_host_name, host)) return {site};
    }
    return sites;
}

struct SignedWorkflow {
    SiteRecord site;
    WorkflowRecord workflow;
};

Response invoke(RequestContext& context, const ServiceOptions& options, WorkflowStore& store) {
    const Request& request = context.request;
    const RequestTarget& target = context.target;
    const auto path = match_standard_path(target.segments);
    if (!path) return runtime_error(ErrorId::StandardRuntimePathNotFound);

    const auto sp = target.query_value("sp"), sv = target.query_value("sv"),
               sig = target.query_value("sig");
    std::optional<SignedWorkflow> named;  // a workflow of that name; signed, if any is
    bool signed_by_key = false;
    for (const auto& site : candidate_sites(store, request)) {
        const SiteWorkflowRecord* wf = site.find_workflow(path->workflow);
        if (!wf) continue;
        SignedFields fields = standard_signed_fields(wf->workflow, path->trigger);
        fields.sp = sp.value_or("");
        fields.sv = sv.value_or("");
        const bool valid = sp && sv && sig && signing_key(wf->workflow, fields, *sig);
        if (!named || valid) named = SignedWorkflow{site, wf->workflow};
        if (valid) {
            signed_by_key = true;
            break;
        }
    }
    if (!named) return runtime_error(ErrorId::StandardWorkflowNotFound, {path->workflow});
    const WorkflowRecord& workflow = named->workflow;
    context.trace.params.subscription_id = workflow.subscription_id;
    context.trace.params.resource_group = workflow.resource_group;
    context.trace.params.site = named->site.name;
    context.trace.params.workflow = workflow.name;

    if ((sp || sv || sig) && request.headers.contains("Authorization")) {
        return runtime_error(ErrorId::SasMoreThanOneAuthorization);
    }
    if (!sp || !sv || !sig) return runtime_error(ErrorId::StandardSasParametersRequired);
    if (!signed_by_key) return runtime_error(ErrorId::SasInvalidSignature);
    if (!iequals(request.method, "POST")) {
        return runtime_error(ErrorId::TriggerMethodNotValid, {request.method});
    }
    const TriggerRecord* trigger = workflow.find_trigger(path->trigger);
    if (!trigger) {
        return runtime_error(ErrorId::WorkflowTriggerNotFound, {workflow.name, path->trigger});
    }
    const SiteWorkflowRef ref{workflow.subscription_id, workflow.resource_group, named->site.name,
                              workflow.name};
    if (!store.record_site_invocation(ref, trigger->name)) {
        return runtime_error(ErrorId::StandardWorkflowNotFound, {workflow.name});
    }
    return accepted_run(workflow, options, context.now);
}

}  // namespace

bool is_standard_runtime_request(const Request& request) {
    const std::string_view target = request.target;
    return target.size() > 5 && iequals(target.substr(0, 5), "/api/");
}

Response handle_standard_runtime_request(RequestContext& context, const ServiceOptions& options,
                                         WorkflowStore& store) {
    return runtime_answer(context, "StandardRuntime_InvokeTrigger",
                          [&] { return invoke(context, options, store); });
}

}  // namespace logicmock
