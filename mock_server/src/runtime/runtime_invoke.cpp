#include "runtime/runtime_invoke.hpp"

#include "protocol/error_catalogue.hpp"
#include "protocol/request_target.hpp"
#include "runtime/callback_signature.hpp"
#include "runtime/runtime_answers.hpp"
#include "util/iso_time.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

struct InvokePath {
    std::string workflow_id;
    std::string version;  // "" unless /versions/{v}/
    std::string trigger;
};

std::optional<InvokePath> match_invoke_path(const std::vector<std::string>& s) {
    auto at = [&](std::size_t i, std::string_view literal) { return iequals(s[i], literal); };
    if (s.size() == 6 && at(0, "workflows") && at(2, "triggers") && at(4, "paths") &&
        at(5, "invoke")) {
        return InvokePath{s[1], "", s[3]};
    }
    if (s.size() == 8 && at(0, "workflows") && at(2, "versions") && at(4, "triggers") &&
        at(6, "paths") && at(7, "invoke")) {
        return InvokePath{s[1], s[3], s[5]};
    }
    return std::nullopt;
}

bool expired(const std::string& se, SystemTime now) {
    auto until = parse_iso8601(se);
    return !until || to_ticks(now) >= *until;
}

Response invoke(RequestContext& context, const ServiceOptions& options, WorkflowStore& store) {
    const Request& request = context.request;
    const SystemTime now = context.now;
    const RequestTarget& target = context.target;
    // The journal names the workflow whenever the id is known, even on a path that is wrong.
    const auto workflow =
        target.segments.size() > 1 ? store.find_workflow_by_id(target.segments[1]) : std::nullopt;
    if (workflow) {
        context.trace.params.subscription_id = workflow->subscription_id;
        context.trace.params.resource_group = workflow->resource_group;
        context.trace.params.workflow = workflow->name;
    }
    const auto path = match_invoke_path(target.segments);
    if (!path) return runtime_error(ErrorId::RuntimePathNotFound);
    if (!workflow) return runtime_error(ErrorId::RuntimeWorkflowNotFound);

    const auto sp = target.query_value("sp"), sv = target.query_value("sv"),
               sig = target.query_value("sig"), se = target.query_value("se");
    const bool has_sas = sp || sv || sig || se;
    if (has_sas && request.headers.contains("Authorization")) {
        return runtime_error(ErrorId::SasMoreThanOneAuthorization);
    }
    if (!has_sas) return runtime_error(ErrorId::SasAuthorizationRequired);
    if (!sp || !sv || !sig) return runtime_error(ErrorId::SasInvalidSignature);
    const std::string scope =
        (path->version.empty() ? "" : "/versions/" + path->version) + "/triggers/" + path->trigger;
    const SignedFields fields{path->workflow_id, scope, *sp, *sv, se.value_or("")};
    if (!signing_key(*workflow, fields, *sig)) return runtime_error(ErrorId::SasInvalidSignature);
    if (se && expired(*se, now)) return runtime_error(ErrorId::SasInvalidSignature);

    if (!iequals(request.method, "POST")) {
        return runtime_error(ErrorId::TriggerMethodNotValid, {request.method});
    }
    const TriggerRecord* trigger = workflow->find_trigger(path->trigger);
    if (!trigger) {
        return runtime_error(ErrorId::WorkflowTriggerNotFound, {workflow->name, path->trigger});
    }
    if (!store.record_invocation(workflow->workflow_id, trigger->name)) {
        return runtime_error(ErrorId::RuntimeWorkflowNotFound);  // deleted meanwhile
    }

    return accepted_run(*workflow, options, now);
}

}  // namespace

bool is_runtime_request(const Request& request) {
    const std::string_view target = request.target;
    return target.size() > 11 && iequals(target.substr(0, 11), "/workflows/");
}

Response handle_runtime_request(RequestContext& context, const ServiceOptions& options,
                                WorkflowStore& store) {
    return runtime_answer(context, "Runtime_InvokeTrigger",
                          [&] { return invoke(context, options, store); });
}

}  // namespace logicmock
