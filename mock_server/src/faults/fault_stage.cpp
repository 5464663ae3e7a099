#include "faults/fault_stage.hpp"

#include <openssl/crypto.h>

#include <nlohmann/json.hpp>

#include "faults/fault_presets.hpp"
#include "logicmock/json_text.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/response_headers.hpp"

namespace logicmock {
namespace {

constexpr std::size_t kMaxHeaderRuleBytes = 4096;

// keyType of a JSON object body; a JSON object without one counts as NotSpecified, as the
// operation treats it. Anything else has no keyType, so a keyType rule does not match it.
std::optional<std::string> peek_key_type(const RequestContext& context) {
    const auto* json = std::get_if<nlohmann::json>(&context.json_body());
    if (!json || !json->is_object()) return std::nullopt;
    auto it = json->find("keyType");
    if (it == json->end()) return std::string("NotSpecified");
    if (!it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

std::string list_presets() {
    std::string names;
    for (auto name : fault_preset_names()) names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

// The x-mock-fault header: a preset name or a JSON action. Throws FaultRuleError.
FaultAction header_action(std::string_view value) {
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (!value.empty() && value.front() == '{') {
        if (value.size() > kMaxHeaderRuleBytes) {
            throw FaultRuleError("the JSON action is longer than " +
                                 std::to_string(kMaxHeaderRuleBytes) + " bytes");
        }
        auto parsed = parse_json(value, 16);
        if (auto* error = std::get_if<JsonParseError>(&parsed)) {
            throw FaultRuleError("not valid JSON: " + error->message);
        }
        return parse_fault_action(std::get<nlohmann::json>(parsed), "x-mock-fault");
    }
    if (!is_fault_preset(value)) {
        throw FaultRuleError("'" + std::string(value.substr(0, 64)) + "' is neither a preset (" +
                             list_presets() +
                             ") nor a JSON action such as {\"transport\":{\"type\":\"reset\"}}");
    }
    FaultAction action;
    action.preset = std::string(value);
    return action;
}

int header_delay(const FaultAction& action) {
    thread_local std::mt19937_64 random{std::random_device{}()};
    return delay_draw(random, action.delay_min_ms, action.delay_max_ms);
}

Response error_of(const FaultAction& action, const Request& request, const RouteMatch& route,
                  SystemTime now) {
    if (!action.preset.empty()) {
        return preset_response(action.preset, action.retry_after, {request, route, now});
    }
    if (action.error_status) {
        Response response(*action.error_status, action.error_headers, action.error_body);
        response.headers.set("Content-Type", "application/json; charset=utf-8");
        return response;
    }
    return preset_response("InternalServerError", std::nullopt, {request, route, now});
}

// A partial body is cut short by at least one byte; without "bytes", at half.
std::size_t partial_length(std::size_t requested, std::size_t body_size) {
    if (body_size == 0) return 0;
    if (requested == SIZE_MAX) return body_size / 2;
    return std::min(requested, body_size - 1);
}

}  // namespace

bool admin_token_matches(const std::string& expected, std::string_view presented) {
    return presented.size() == expected.size() &&
           CRYPTO_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

bool may_use_fault_header(const ServiceOptions& options, const Headers& headers) {
    if (!options.admin_enabled) return false;
    if (options.admin_token.empty()) return true;
    auto token = headers.get("x-mock-admin-token");
    return token && admin_token_matches(options.admin_token, *token);
}

std::optional<Response> inject_fault(FaultEngine& engine, const ServiceOptions& options,
                                     RequestContext& context, const RouteMatch& route) {
    const Request& request = context.request;
    const SystemTime now = context.now;
    FaultOutcome& outcome = context.trace.fault;
    std::optional<FaultFiring> firing;
    auto header = request.headers.get("x-mock-fault");
    if (header && may_use_fault_header(options, request.headers)) {
        try {
            FaultAction action = header_action(*header);
            const int delay = header_delay(action);
            firing = FaultFiring{"header", std::move(action), delay};
        } catch (const FaultRuleError& e) {
            return error_response(make_error(ErrorId::InvalidMockFaultHeader, {e.what()}));
        }
    } else {
        auto body_key_type = [&] { return peek_key_type(context); };  // parsed only if a rule asks
        firing =
            engine.decide(FaultRequestView{request.method, route, request.headers, body_key_type});
    }
    if (!firing) return std::nullopt;

    const FaultAction& action = firing->action;
    outcome.rule_id = firing->rule_id;
    outcome.action = action.label();
    outcome.delay_ms = firing->delay_ms;
    if (!action.transport) {
        if (!action.answers_with_error()) return std::nullopt;  // delay only
        return error_of(action, request, route, now);
    }
    TransportFault transport = *action.transport;
    // Transport faults never run the operation: a dropped request changes no state.
    Response response = error_of(action, request, route, now);
    if (transport.kind == TransportFaultKind::PartialBody) {
        transport.body_bytes = partial_length(transport.body_bytes, response.body.size());
    }
    outcome.transport = transport;
    return response;
}

}  // namespace logicmock
