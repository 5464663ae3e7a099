// Service::handle: ARM's front door, top to bottom. Each stage is a function in its own file;
// the first stage that answers with an error ends the request.

#include "logicmock/service.hpp"

#include "api_version.hpp"
#include "authentication.hpp"
#include "fault_stage.hpp"
#include "operations.hpp"
#include "random_bytes.hpp"
#include "request_body.hpp"
#include "request_journal.hpp"
#include "request_target.hpp"
#include "resource_lookup.hpp"
#include "response_headers.hpp"
#include "routes.hpp"
#include "runtime_invoke.hpp"

namespace logicmock {

namespace {

ArmError internal_error(SystemTime now) {
    return make_error(ErrorId::InternalServerError, {http_date(now), random_guid()});
}

// The journal's view of a callback URL invocation: which workflow, when the id is known.
RequestTrace runtime_trace(const Request& request, const WorkflowStore& store) {
    RequestTrace trace;
    trace.operation_id = "Runtime_InvokeTrigger";
    const auto segments = parse_request_target(request.target).segments;
    if (segments.size() > 1) {
        if (auto wf = store.find_workflow_by_id(segments[1])) {
            trace.params.subscription_id = wf->subscription_id;
            trace.params.resource_group = wf->resource_group;
            trace.params.workflow = wf->name;
        }
    }
    return trace;
}

}  // namespace

struct Service::Impl {
    Impl(ServiceOptions o, std::shared_ptr<WorkflowStore> s)
        : options(std::move(o)), store(std::move(s)) {}

    ServiceOptions options;
    std::shared_ptr<WorkflowStore> store;
    mutable FaultEngine faults{options.faults};
    mutable RequestJournal journal{options.journal_size, options.journal_body_limit};

    OperationResult run_pipeline(const Request& request, SystemTime now,
                                 RequestTrace& trace) const {
        const RequestTarget target = parse_request_target(request.target);
        const auto api_version = target.query_value("api-version");

        // 1. route
        const RouteResult routed = match_route(request.method, target.segments);
        if (const auto* none = std::get_if<NoRoute>(&routed)) {
            return make_error(ErrorId::RouteNotFound,
                              {none->resource_type, api_version.value_or("")});
        }
        if (const auto* mismatch = std::get_if<MethodMismatch>(&routed)) {
            ArmError e = make_error(ErrorId::MethodNotAllowed, {request.method});
            e.extra_headers.set("Allow", mismatch->allow);
            return e;
        }
        const RouteMatch& match = std::get<RouteMatch>(routed);
        trace.route = match.route;
        trace.operation_id = match.route->operation_id;
        trace.params = match.params;

        // 2. api-version
        if (auto e = check_api_version(
                api_version, [&] { return location_hint(*store, match.params, options.region); })) {
            return *e;
        }
        // 3. authentication
        if (auto e = authenticate(request.headers, options, now)) return *e;
        // 4. subscription, resource group, workflow
        auto workflow = resolve_route_target(*store, match);
        if (auto* e = std::get_if<ArmError>(&workflow)) return *e;
        // 4b. injected faults
        if (auto r = inject_fault(faults, options, request, match, now, trace.fault)) return *r;
        // 5. body size and media type
        if (auto e = check_body_size(request, options.max_body_bytes)) return *e;
        if (auto e = check_media_type(request)) return *e;
        // 6. JSON
        auto body = parse_body(request, *match.route);
        if (auto* e = std::get_if<ArmError>(&body)) return *e;
        // 7. schema
        const ParsedBody& parsed = std::get<ParsedBody>(body);
        if (auto e = validate_body(parsed, *match.route)) return *e;
        // 8. operation
        const auto& target_workflow = std::get<RouteTarget>(workflow);
        return run_operation(OperationInput{*store, options, match, target_workflow.workflow,
                                            parsed, target_workflow.exists,
                                            api_version.value_or("")});
    }

    Response finish(const Request& request, OperationResult result, SystemTime now,
                    RequestTrace& trace) const {
        if (const auto* error = std::get_if<ArmError>(&result)) {
            trace.error_code = error->code;
            trace.error_message = error->message;
        }
        Response response = std::holds_alternative<ArmError>(result)
                                ? error_response(std::get<ArmError>(result))
                                : std::get<Response>(std::move(result));
        add_arm_headers(response, request, assign_request_ids(request), options, now);
        return response;
    }

    void record(const Request& request, const Response& response, const RequestTrace& trace,
                SystemTime received, std::chrono::steady_clock::time_point started) const {
        if (journal.capacity() == 0) return;                  // --journal-size 0
        if (request.target.rfind("/_mock/", 0) == 0) return;  // admin calls are not journaled
        double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        ms +=
            response.delay_ms + (response.transport_fault ? response.transport_fault->hold_ms : 0);
        journal.record(
            make_journal_entry(request, response, trace, received, ms, options.journal_body_limit));
    }
};

Service::Service(ServiceOptions options, std::shared_ptr<WorkflowStore> store)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(store))) {}

Service::~Service() = default;

Response Service::handle(const Request& request) const {
    const auto started = std::chrono::steady_clock::now();
    const SystemTime now = std::chrono::system_clock::now();
    if (is_runtime_request(request)) {
        Response response = handle_runtime_request(request, impl_->options, *impl_->store, now);
        impl_->record(request, response, runtime_trace(request, *impl_->store), now, started);
        return response;
    }
    OperationResult result;
    RequestTrace trace;
    try {
        result = impl_->run_pipeline(request, now, trace);
    } catch (const std::exception&) {
        result = internal_error(now);
    }
    Response response = impl_->finish(request, std::move(result), now, trace);
    response.transport_fault = trace.fault.transport;
    response.delay_ms = trace.fault.delay_ms;
    impl_->record(request, response, trace, now, started);
    return response;
}

Response Service::transport_error(const Request& request, int http_status) const {
    const SystemTime now = std::chrono::system_clock::now();
    ArmError error;
    switch (http_status) {
        case 413:
            error = make_error(ErrorId::RequestEntityTooLarge,
                               {std::to_string(impl_->options.max_body_bytes)});
            break;
        case 414:
            error = make_error(ErrorId::RequestUriTooLong);
            break;
        case 500:
            error = internal_error(now);
            break;
        default:
            error = make_error(ErrorId::MalformedRequest);
            break;
    }
    RequestTrace trace;
    Response response = impl_->finish(request, error, now, trace);
    impl_->record(request, response, trace, now, std::chrono::steady_clock::now());
    return response;
}

const ServiceOptions& Service::options() const {
    return impl_->options;
}

void Service::set_self_base_url(std::string url) {
    impl_->options.self_base_url = std::move(url);
}

WorkflowStore& Service::store() const {
    return *impl_->store;
}

FaultEngine& Service::faults() const {
    return impl_->faults;
}

RequestJournal& Service::journal() const {
    return impl_->journal;
}

}  // namespace logicmock
