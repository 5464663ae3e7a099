#include "report.hpp"

#include <nlohmann/json.hpp>

#include "logicmock/json_text.hpp"

namespace logicmock::client::cli {
namespace {

using nlohmann::json;

json header_or_null(const std::optional<HttpResponse>& response, const char* name) {
    if (!response) return nullptr;
    auto value = response->headers.get(name);
    return value ? json(*value) : json(nullptr);
}

// transportError, and proxy / proxyStatus when the failure involved a proxy.
void add_transport_error(json& into, const TransportError& error) {
    into["transportError"] = to_string(error.kind);
    if (!error.proxy.empty()) into["proxy"] = error.proxy;
    if (error.kind == TransportError::Kind::Proxy) into["proxyStatus"] = error.proxy_status;
}

template <class T>
json base_report(Command command, const Result<T>& result) {
    json report = {
        {"command", command_name(command)},
        {"outcome", to_string(result.kind())},
        {"status", result.response ? json(result.status()) : json(nullptr)},
        {"code", nullptr},
        {"message", nullptr},
        {"requestId", header_or_null(result.response, "x-ms-request-id")},
        {"correlationRequestId", header_or_null(result.response, "x-ms-correlation-request-id")},
        {"clientRequestId", result.client_request_id},
        {"attempts", result.attempts},
        {"elapsedMs", result.elapsed.count()},
    };
    if (const auto* error = result.arm_error()) {
        report["code"] = error->code;
        report["message"] = error->message;
    } else if (const auto* error = result.contract_error()) {
        report["message"] = error->message;
        report["path"] = error->path;
    } else if (const auto* error = result.transport_error()) {
        report["message"] = error->message;
        add_transport_error(report, *error);
    }
    return report;
}

}  // namespace

int exit_code(OutcomeKind kind) {
    switch (kind) {
        case OutcomeKind::Success:
            return kExitSuccess;
        case OutcomeKind::TransportError:
            return kExitTransport;
        case OutcomeKind::ArmError:
        case OutcomeKind::ContractError:
            break;
    }
    return kExitServiceError;
}

std::string report_json(Command command, const Result<NoContent>& result) {
    return to_json_text(base_report(command, result));
}

std::string report_json(Command command, const Result<CallbackUrl>& result) {
    json report = base_report(command, result);
    if (result.ok()) {
        // Already parsed and validated once; parsing again keeps CallbackUrl free of JSON types.
        auto body = parse_json(result.value().body);
        if (auto* document = std::get_if<json>(&body)) report["callbackUrl"] = std::move(*document);
    }
    return to_json_text(report);
}

std::string signin_error_json(Command command, const TokenOutcome& outcome) {
    json report = {{"command", command_name(command)},
                   {"outcome", "signin_error"},
                   {"status", nullptr},
                   {"code", nullptr},
                   {"message", nullptr}};
    if (const auto* error = std::get_if<EntraError>(&outcome)) {
        report["status"] = error->status;
        report["code"] = error->error;
        report["message"] = error->description;
        report["signinError"] = {{"status", error->status},
                                 {"error", error->error},
                                 {"errorCodes", error->error_codes},
                                 {"traceId", error->trace_id},
                                 {"correlationId", error->correlation_id}};
    } else if (const auto* error = std::get_if<TransportError>(&outcome)) {
        report["message"] = error->message;
        report["signinError"] = json::object();
        add_transport_error(report["signinError"], *error);
    } else if (const auto* error = std::get_if<ContractError>(&outcome)) {
        report["status"] = error->status;
        report["message"] = error->message;
        report["signinError"] = {{"status", error->status}, {"path", error->path}};
    }
    return to_json_text(report);
}

int signin_exit_code(const TokenOutcome& outcome) {
    return std::holds_alternative<TransportError>(outcome) ? kExitTransport : kExitServiceError;
}

std::string usage_error_json(const std::string& message) {
    return to_json_text(json{{"outcome", "usage_error"}, {"message", message}});
}

}  // namespace logicmock::client::cli
