#include "faults/fault_presets.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "logicmock/json_text.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/response_headers.hpp"
#include "util/base64.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

constexpr int kDefaultThrottleSeconds = 1;  // short, so client retries in tests stay fast

std::string upper(std::string s) {
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return s;
}

// ARM names the throttled operation by method and the route's literal segments, upper-cased:
// "POST/SUBSCRIPTIONS/RESOURCEGROUPS/PROVIDERS/MICROSOFT.LOGIC/WORKFLOWS/REGENERATEACCESSKEY".
std::string throttled_operation(const RouteSpec& route) {
    std::string op(route.method);
    for (auto segment : route.pattern) {
        if (!segment.empty() && segment.front() == '{') continue;
        op += "/" + std::string(segment);
    }
    return upper(op);
}

// "Microsoft.Logic/workflows/regenerateAccessKey/action": the resource types and action after
// the provider namespace, without the names.
std::string authorization_action(const RouteSpec& route) {
    std::string action;
    bool after_provider = false;
    for (std::size_t i = 0; i < route.pattern.size(); ++i) {
        auto segment = route.pattern[i];
        if (!after_provider) {
            if (iequals(segment, "providers") && i + 1 < route.pattern.size()) {
                action = std::string(route.pattern[++i]);
                after_provider = true;
            }
            continue;
        }
        if (!segment.empty() && segment.front() == '{') continue;
        action += "/" + std::string(segment);
    }
    const auto method = route.method;
    const char* verb = iequals(method, "POST")     ? "action"
                       : iequals(method, "DELETE") ? "delete"
                       : iequals(method, "GET")    ? "read"
                                                   : "write";
    return action + "/" + verb;
}

std::string workflow_scope(const PathParams& p) {
    return "/subscriptions/" + p.subscription_id + "/resourceGroups/" + p.resource_group +
           "/providers/Microsoft.Logic/workflows/" + p.workflow;
}

struct Caller {
    std::string client = "logicmock-client";
    std::string object_id = "00000000-0000-0000-0000-000000000000";
};

// The caller as ARM would name it: upn / unique_name / appid and oid from a JWT bearer token.
// Only those claims are read; the token itself goes nowhere.
Caller caller_of(const Headers& headers) {
    Caller caller;
    auto header = headers.get("Authorization");
    if (!header || header->size() < 8) return caller;
    std::string_view token = header->substr(7);
    auto first = token.find('.');
    auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos) return caller;
    auto payload = base64_decode(token.substr(first + 1, second - first - 1), Base64Alphabet::Url);
    if (!payload) return caller;
    auto parsed = parse_json(*payload, 8);
    auto* claims = std::get_if<nlohmann::json>(&parsed);
    if (!claims || !claims->is_object()) return caller;
    for (const char* name : {"upn", "unique_name", "appid", "azp"}) {
        auto it = claims->find(name);
        if (it != claims->end() && it->is_string() && !it->get<std::string>().empty()) {
            caller.client = it->get<std::string>();
            break;
        }
    }
    auto oid = claims->find("oid");
    if (oid != claims->end() && oid->is_string()) caller.object_id = oid->get<std::string>();
    return caller;
}

}  // namespace

const std::vector<std::string_view>& fault_preset_names() {
    static const std::vector<std::string_view> names{
        "Throttled",      "InternalServerError", "ServiceUnavailable",
        "GatewayTimeout", "AuthorizationFailed", "ResourceNotFound",
        "Conflict"};
    return names;
}

bool is_fault_preset(std::string_view name) {
    const auto& names = fault_preset_names();
    return std::find(names.begin(), names.end(), name) != names.end();
}

Response preset_response(std::string_view preset, std::optional<int> retry_after,
                         const PresetContext& c) {
    const PathParams& p = c.route.params;
    ArmError error;
    if (preset == "Throttled") {
        const int seconds = retry_after.value_or(kDefaultThrottleSeconds);
        retry_after = seconds;
        error = make_error(
            ErrorId::SubscriptionRequestsThrottled,
            {p.subscription_id, throttled_operation(*c.route.route), std::to_string(seconds)});
    } else if (preset == "InternalServerError") {
        error = make_error(ErrorId::InternalServerError, {http_date(c.now), random_guid()});
    } else if (preset == "ServiceUnavailable") {
        error = make_error(ErrorId::ServiceUnavailable);
    } else if (preset == "GatewayTimeout") {
        error = make_error(ErrorId::GatewayTimeout);
    } else if (preset == "AuthorizationFailed") {
        const Caller caller = caller_of(c.request.headers);
        error = make_error(ErrorId::AuthorizationFailed,
                           {caller.client, caller.object_id, authorization_action(*c.route.route),
                            workflow_scope(p)});
    } else if (preset == "ResourceNotFound") {
        error = make_error(ErrorId::ResourceNotFound, {p.workflow, p.resource_group});
    } else if (preset == "Conflict") {
        error = make_error(ErrorId::Conflict, {workflow_scope(p)});
    } else {
        error = make_error(ErrorId::InternalServerError, {http_date(c.now), random_guid()});
    }
    if (retry_after) error.extra_headers.set("Retry-After", std::to_string(*retry_after));
    return error_response(error);
}

}  // namespace logicmock
