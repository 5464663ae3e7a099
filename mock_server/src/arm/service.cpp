// Service::handle: ARM's front door, top to bottom. Each stage is a function in its own file;
// the first stage that answers with an error ends the request.

#include "logicmock/service.hpp"

#include "arm/api_version.hpp"
#include "arm/authentication.hpp"
#include "arm/request_body.hpp"
#include "arm/resource_lookup.hpp"
#include "arm/routes.hpp"
#include "faults/fault_stage.hpp"
#include "hosts/proxy_request.hpp"
#include "identity/endpoints/identity_service.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "identity/protocol/identity_routes.hpp"
#include "journal/request_journal.hpp"
#include "logic/operations.hpp"
#include "logicmock/json_text.hpp"
#include "protocol/request_context.hpp"
#include "protocol/response_headers.hpp"
#include "resources/arm_api_versions.hpp"
#include "resources/resources_operations.hpp"
#include "runtime/runtime_invoke.hpp"
#include "runtime/standard_invoke.hpp"
#include "throttling/throttle_stage.hpp"
#include "util/random_bytes.hpp"
#include "web/web_operations.hpp"

namespace logicmock {

namespace {

ArmError internal_error(SystemTime now) {
    return make_error(ErrorId::InternalServerError, {http_date(now), random_guid()});
}

}  // namespace

struct Service::Impl {
    Impl(ServiceOptions o, std::shared_ptr<WorkflowStore> s)
        : options(std::move(o)), store(std::move(s)) {}

    ServiceOptions options;
    std::shared_ptr<WorkflowStore> store;
    IdentityService identity{options, *store};
    mutable FaultEngine faults{options.faults};
    mutable RequestJournal journal{options.journal_size, options.journal_body_limit};
    mutable Throttler throttler{options.throttling};

    // azure_hosts: answers name Azure's own host names (callback URLs), because the request came
    // through the proxy or named an Azure host, or --azure-host-urls says so.
    OperationResult run_pipeline(RequestContext& context, bool azure_hosts) const {
        const Request& request = context.request;
        RequestTrace& trace = context.trace;
        const auto api_version = context.target.query_value("api-version");

        // 1. route
        const RouteResult routed = match_route(request.method, context.target.segments);
        if (const auto* none = std::get_if<NoRoute>(&routed)) {
            return make_error(
                ErrorId::RouteNotFound,
                {none->resource_type, api_version.value_or(""), none->provider_namespace});
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

        // 2. api-version: the resource type's, or that of one of ARM's own endpoints
        const RouteSpec& route = *match.route;
        const auto location = [&] { return location_hint(*store, match.params, options.region); };
        const ResourceTypeInfo* type =
            route.api_versions == ApiVersionSet::LogicWorkflows ? &logic_workflows()
            : route.api_versions == ApiVersionSet::WebSites     ? &web_sites()
                                                                : nullptr;
        if (auto e = type ? check_api_version(*type, api_version, location)
                          : check_arm_api_version(route.api_versions, api_version)) {
            return *e;
        }
        // 3. authentication
        if (!route.anonymous) {
            if (auto e = authenticate(AuthInput{request, options, context.now, identity, *store,
                                                match.params.subscription_id, context.principal})) {
                return *e;
            }
        }
        // 4. subscription, resource group, workflow
        const std::string& subscription = match.params.subscription_id;
        auto workflow = resolve_route_target(*store, match);
        if (auto* e = std::get_if<ArmError>(&workflow)) {
            // ARM throttles before the resource provider answers that the workflow is missing.
            if (e->code == catalogue_entry(ErrorId::ResourceNotFound).code) {
                if (auto t = throttle_request(throttler, context, subscription)) return *t;
            }
            return *e;
        }
        // 4b. injected faults
        if (auto r = inject_fault(faults, options, context, match)) return *r;
        // 4c. throttling
        if (auto e = throttle_request(throttler, context, subscription)) return *e;
        // 5. body size and media type
        if (auto e = check_body_size(request, options.max_body_bytes)) return *e;
        if (auto e = check_media_type(request)) return *e;
        // 6. JSON
        auto body = parse_body(context, *match.route);
        if (auto* e = std::get_if<ArmError>(&body)) return *e;
        // 7. schema
        const ParsedBody& parsed = std::get<ParsedBody>(body);
        if (auto e = validate_body(parsed, *match.route)) return *e;
        // 8. operation
        if (is_resources_operation(route.operation)) {
            return run_resources_operation(
                ResourcesInput{*store, options, match, api_version.value_or("")});
        }
        const auto& target_workflow = std::get<RouteTarget>(workflow);
        if (target_workflow.site) {  // the Microsoft.Web site scopes: web/
            return run_web_operation(
                WebOperationInput{*store, options, match, *target_workflow.site,
                                  target_workflow.workflow, parsed, azure_hosts});
        }
        return run_operation(OperationInput{*store, options, match, target_workflow.workflow,
                                            parsed, target_workflow.exists,
                                            api_version.value_or(""), azure_hosts});
    }

    // A fault's ARM ErrorResponse {"error":{code,message}} as Entra's body {error,
    // error_description, ...}: code becomes error, message the description's first line.
    static Response entra_shaped(Response faulted, const RequestContext& context) {
        auto parsed = parse_json(faulted.body, 8);
        const auto* body = std::get_if<nlohmann::json>(&parsed);
        if (faulted.status < 400 || !body || !body->is_object() || !body->contains("error") ||
            !(*body)["error"].is_object()) {
            return faulted;
        }
        const auto& error = (*body)["error"];
        Response shaped =
            entra_error_with(faulted.status, error.value("code", "server_error"),
                             error.value("message", ""), context.request, context.now);
        for (const auto& [name, value] : faulted.headers) {
            if (!iequals(name, "Content-Type") && !iequals(name, "Content-Length")) {
                shaped.headers.set(name, value);
            }
        }
        return shaped;
    }

    // Entra ID's endpoints: fault rules first (matched by operation, e.g. EntraToken), then the
    // identity service. Its answers carry Entra's headers, not ARM's.
    Response handle_identity(RequestContext& context, const IdentityRoute& route) const {
        const RouteMatch match{&identity_route_spec(route), {}};
        context.trace.route = match.route;
        context.trace.operation_id = route.operation_id;
        std::optional<Response> faulted;
        try {
            faulted = inject_fault(faults, options, context, match);
        } catch (const std::exception&) {
            faulted = std::nullopt;
        }
        Response response =
            faulted ? entra_shaped(std::move(*faulted), context) : identity.handle(context, route);
        response.transport_fault = context.trace.fault.transport;
        response.delay_ms = context.trace.fault.delay_ms;
        return response;
    }

    Response finish(RequestContext& context, OperationResult result) const {
        RequestTrace& trace = context.trace;
        if (const auto* error = std::get_if<ArmError>(&result)) {
            trace.error_code = error->code;
            trace.error_message = error->message;
        }
        Response response = std::holds_alternative<ArmError>(result)
                                ? error_response(std::get<ArmError>(result))
                                : std::get<Response>(std::move(result));
        const ThrottleMode mode = throttler.mode();
        if (!trace.rate_limit && mode != ThrottleMode::Off) {
            trace.rate_limit = uncharged_counts(throttler, context);
        }
        add_arm_headers(response, context.request, assign_request_ids(context.request), options,
                        context.now, mode, trace.rate_limit);
        return response;
    }

    // The host table's service, or for a direct request to this server's own address, the one
    // its path names (every service shares the loopback port).
    static HostService service_by_path(const RequestContext& context) {
        if (match_identity_route(context.target)) return HostService::Entra;
        if (is_runtime_request(context.request)) return HostService::LogicRuntime;
        if (is_standard_runtime_request(context.request)) return HostService::StandardRuntime;
        return HostService::Arm;
    }

    Response dispatch(RequestContext& context, const ProxyDecision& decision) const {
        using Kind = ProxyDecision::Kind;
        if (decision.kind == Kind::Refuse) {
            context.trace.operation_id = "Proxy_ProxyRefused";
            return finish(context, *decision.refusal);
        }
        if (decision.kind == Kind::OpenTunnel) {
            context.trace.operation_id = "Proxy_ProxyConnect";
            return Response{200};
        }
        switch (decision.service.value_or(service_by_path(context))) {
            case HostService::Entra:
                if (auto route = match_identity_route(context.target)) {
                    return handle_identity(context, *route);
                }
                if (decision.service) {  // on Entra's own host: Entra's 404, not ARM's
                    const std::string& target = context.request.target;
                    const std::string path = target.substr(0, target.find('?')).substr(0, 256);
                    return entra_error(EntraErrorId::EndpointNotFound, {path}, context.request,
                                       context.now);
                }
                break;
            case HostService::Imds:
                return handle_identity(context, match_imds_route(context.target));
            case HostService::LogicRuntime:
                return handle_runtime_request(context, options, *store);
            case HostService::StandardRuntime:
                return handle_standard_runtime_request(context, options, *store);
            case HostService::Arm:
                break;
        }
        return run_arm(context, options.azure_host_urls || decision.service.has_value());
    }

    Response run_arm(RequestContext& context, bool azure_hosts) const {
        OperationResult result;
        try {
            result = run_pipeline(context, azure_hosts);
        } catch (const std::exception&) {
            result = internal_error(context.now);
        }
        Response response = finish(context, std::move(result));
        response.transport_fault = context.trace.fault.transport;
        response.delay_ms = context.trace.fault.delay_ms;
        return response;
    }

    void record(const RequestContext& context, const Response& response,
                std::chrono::steady_clock::time_point started) const {
        const Request& request = context.request;
        if (journal.capacity() == 0) return;                  // --journal-size 0
        if (request.target.rfind("/_mock/", 0) == 0) return;  // admin calls are not journaled
        double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count();
        ms +=
            response.delay_ms + (response.transport_fault ? response.transport_fault->hold_ms : 0);
        journal.record(request, response, context.trace, context.now, ms);
    }
};

Service::Service(ServiceOptions options, std::shared_ptr<WorkflowStore> store)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(store))) {}

Service::~Service() = default;

Response Service::handle(const Request& incoming) const {
    const auto started = std::chrono::steady_clock::now();
    const ProxyDecision decision = impl_->options.proxy ? decide_proxy(incoming) : ProxyDecision{};
    const Request& request = decision.rewritten ? *decision.rewritten : incoming;
    RequestContext context(request, std::chrono::system_clock::now());
    Response response = impl_->dispatch(context, decision);
    impl_->record(context, response, started);
    return response;
}

Response Service::transport_error(const Request& request, int http_status) const {
    RequestContext context(request, std::chrono::system_clock::now());
    // A token request over --max-body-bytes is Entra's to answer, in Entra's shape.
    if (auto route = match_identity_route(context.target); route && http_status == 413) {
        context.trace.operation_id = route->operation_id;
        Response response =
            entra_error(EntraErrorId::InvalidParameter, {"request body"}, request, context.now);
        impl_->record(context, response, std::chrono::steady_clock::now());
        return response;
    }
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
            error = internal_error(context.now);
            break;
        default:
            error = make_error(ErrorId::MalformedRequest);
            break;
    }
    Response response = impl_->finish(context, error);
    impl_->record(context, response, std::chrono::steady_clock::now());
    return response;
}

Response Service::proxy_refusal(const Request& request, std::string_view reason) const {
    RequestContext context(request, std::chrono::system_clock::now());
    ProxyDecision decision;
    decision.kind = ProxyDecision::Kind::Refuse;
    decision.refusal = make_error(ErrorId::ProxyRequestInvalid, {reason});
    Response response = impl_->dispatch(context, decision);
    impl_->record(context, response, std::chrono::steady_clock::now());
    return response;
}

const ServiceOptions& Service::options() const {
    return impl_->options;
}

void Service::set_self_base_url(std::string url, std::string https_url) {
    impl_->options.self_base_url = std::move(url);
    impl_->options.self_https_base_url = std::move(https_url);
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

Throttler& Service::throttling() const {
    return impl_->throttler;
}

}  // namespace logicmock
