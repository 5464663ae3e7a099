#include "runtime/runtime_answers.hpp"

#include "util/iso_time.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

// "08584…" (reverse ticks) + 9 random digits + "CU00", the shape of Logic run ids.
std::string new_run_id(SystemTime now) {
    const AccessKey random = random_access_key();
    std::string id = reverse_ticks(to_ticks(now));
    for (std::size_t i = 0; i < 9; ++i) id += static_cast<char>('0' + random[i] % 10);
    return id + "CU00";
}

}  // namespace

void add_runtime_headers(Response& response, SystemTime now) {
    Headers& h = response.headers;
    // x-ms-request-id also tells the httplib adapter this response is already complete.
    h.set("x-ms-request-id", request_guid());
    h.set("Cache-Control", "no-cache");
    h.set("Pragma", "no-cache");
    h.set("Expires", "-1");
    h.set("Date", http_date(now));
}

Response runtime_error(ErrorId id, std::initializer_list<std::string_view> args) {
    Response response{0, {}, {}};
    const ArmError error = make_error(id, args);
    response.status = error.status;
    response.body = error_body(error);
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    return response;
}

Response accepted_run(const WorkflowRecord& workflow, const ServiceOptions& options,
                      SystemTime now) {
    // A Request trigger without a Response action answers 202 with no body.
    Response accepted{202, {}, {}};
    const std::string run_id = new_run_id(now);
    Headers& h = accepted.headers;
    h.set("x-ms-workflow-run-id", run_id);
    h.set("x-ms-correlation-id", request_guid());
    h.set("x-ms-client-tracking-id", run_id);
    h.set("x-ms-trigger-history-name", run_id);
    h.set("x-ms-execution-location", options.region);
    h.set("x-ms-workflow-id", workflow.workflow_id);
    h.set("x-ms-workflow-version", reverse_ticks(to_ticks(workflow.changed_time)));
    h.set("x-ms-workflow-name", workflow.name);
    return accepted;
}

Response runtime_answer(RequestContext& context, std::string_view operation_id,
                        const std::function<Response()>& invoke) {
    context.trace.operation_id = operation_id;
    Response response;
    try {
        response = invoke();
    } catch (const std::exception&) {
        response =
            runtime_error(ErrorId::InternalServerError, {http_date(context.now), random_guid()});
    }
    add_runtime_headers(response, context.now);
    return response;
}

}  // namespace logicmock
