// Service::handle: ARM's front door, top to bottom. Each stage is a function in its own file;
// the first stage that answers with an error ends the request.

#include "logicmock/service.hpp"

#include "api_version.hpp"
#include "authentication.hpp"
#include "operations.hpp"
#include "random_bytes.hpp"
#include "request_body.hpp"
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

}  // namespace

struct Service::Impl {
    ServiceOptions options;
    std::shared_ptr<WorkflowStore> store;

    OperationResult run_pipeline(const Request& request, SystemTime now) const {
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

    Response finish(const Request& request, OperationResult result, SystemTime now) const {
        Response response = std::holds_alternative<ArmError>(result)
                                ? error_response(std::get<ArmError>(result))
                                : std::get<Response>(std::move(result));
        add_arm_headers(response, request, assign_request_ids(request), options, now);
        return response;
    }
};

Service::Service(ServiceOptions options, std::shared_ptr<WorkflowStore> store)
    : impl_(std::make_unique<Impl>(Impl{std::move(options), std::move(store)})) {}

Service::~Service() = default;

Response Service::handle(const Request& request) const {
    const SystemTime now = std::chrono::system_clock::now();
    if (is_runtime_request(request))
        return handle_runtime_request(request, impl_->options, *impl_->store, now);
    OperationResult result;
    try {
        result = impl_->run_pipeline(request, now);
    } catch (const std::exception&) {
        result = internal_error(now);
    }
    return impl_->finish(request, std::move(result), now);
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
    return impl_->finish(request, error, now);
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

}  // namespace logicmock
