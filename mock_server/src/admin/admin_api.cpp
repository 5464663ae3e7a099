#include "admin/admin_api.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "faults/fault_engine.hpp"
#include "faults/fault_stage.hpp"
#include "journal/request_journal.hpp"
#include "logicmock/json_text.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/request_target.hpp"
#include "protocol/response_headers.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

constexpr std::string_view kPrefix = "/_mock/";

Response json_response(int status, const nlohmann::json& body) {
    Response r(status);
    r.headers.set("Content-Type", "application/json; charset=utf-8");
    r.body = to_json_text(body);
    return r;
}

Response no_content() {
    return Response(204);
}

Response admin_error(ErrorId id, std::initializer_list<std::string_view> args = {}) {
    return error_response(make_error(id, args));
}

bool authorized(const ServiceOptions& options, const Headers& headers) {
    if (options.admin_token.empty()) return true;
    if (auto token = headers.get("x-mock-admin-token")) {
        return admin_token_matches(options.admin_token, *token);
    }
    if (auto header = headers.get("Authorization")) {
        constexpr std::string_view kScheme = "Bearer ";
        if (header->size() > kScheme.size() && iequals(header->substr(0, 7), kScheme)) {
            return admin_token_matches(options.admin_token, header->substr(kScheme.size()));
        }
    }
    return false;
}

nlohmann::json rule_status_json(const FaultRuleStatus& s) {
    return {{"id", s.id},
            {"rule", nlohmann::json::parse(s.json)},
            {"seed", s.seed},
            {"matched", s.matched},
            {"fired", s.fired}};
}

nlohmann::json entry_json(const JournalEntry& e) {
    nlohmann::json headers = nlohmann::json::object();
    for (const auto& [name, value] : e.headers) {
        auto& slot = headers[name];
        slot = slot.is_null() ? value : slot.get<std::string>() + ", " + value;
    }
    nlohmann::json j = {{"id", e.id},
                        {"time", e.time},
                        {"method", e.method},
                        {"path", e.path},
                        {"query", e.query},
                        {"headers", headers},
                        {"body", e.body},
                        {"bodyTruncated", e.body_truncated},
                        {"status", e.status == 0 ? nlohmann::json() : nlohmann::json(e.status)},
                        {"operation", e.operation},
                        {"subscription", e.subscription},
                        {"resourceGroup", e.resource_group},
                        {"workflow", e.workflow},
                        {"requestId", e.request_id},
                        {"durationMs", e.duration_ms}};
    j["fault"] = e.fault_rule.empty()
                     ? nlohmann::json()
                     : nlohmann::json{{"rule", e.fault_rule}, {"action", e.fault_action}};
    j["error"] = e.error_code.empty()
                     ? nlohmann::json()
                     : nlohmann::json{{"code", e.error_code}, {"message", e.error_message}};
    return j;
}

template <typename T>
bool parse_number(const std::string& text, T& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

// Filter from ?operation=&workflow=&status=&since=&limit=; an error response when malformed.
std::variant<JournalFilter, Response> journal_filter(const RequestTarget& target) {
    JournalFilter f;
    for (const auto& [name, value] : target.query) {
        if (name == "operation") {
            f.operation = value;
        } else if (name == "workflow") {
            f.workflow = value;
        } else if (name == "status") {
            int status = 0;
            if (!parse_number(value, status) || status < 0 || status > 999) {
                return admin_error(ErrorId::InvalidJournalQuery,
                                   {name, "expected an HTTP status such as 429 (0: no status)."});
            }
            f.status = status;
        } else if (name == "since" || name == "limit") {
            std::uint64_t n = 0;
            if (!parse_number(value, n)) {
                return admin_error(ErrorId::InvalidJournalQuery,
                                   {name, "expected a whole number."});
            }
            if (name == "since") {
                f.since = n;
            } else {
                f.limit = static_cast<std::size_t>(n);
            }
        } else {
            return admin_error(ErrorId::InvalidJournalQuery,
                               {name,
                                "known parameters: operation, workflow, status, since, "
                                "limit."});
        }
    }
    return f;
}

Response faults_route(Service& service, const Request& request,
                      const std::vector<std::string>& rest) {
    FaultEngine& faults = service.faults();
    if (rest.empty()) {
        if (request.method == "GET")
            return json_response(200, nlohmann::json::parse(fault_rules_json(service)));
        if (request.method == "DELETE") {
            faults.clear();
            return no_content();
        }
        if (request.method == "POST") {
            try {
                std::string id = add_fault_rule(service, request.body);
                Response r = json_response(201, {{"id", id}});
                r.headers.set("Location", "/_mock/faults/" + id);
                return r;
            } catch (const TooManyFaultRules&) {
                return admin_error(ErrorId::TooManyFaultRules, {std::to_string(kMaxFaultRules)});
            } catch (const FaultRuleError& e) {
                return admin_error(ErrorId::InvalidFaultRule, {e.what()});
            }
        }
    } else if (rest.size() == 1) {
        if (request.method == "GET") {
            for (const auto& s : faults.list()) {
                if (s.id == rest[0]) return json_response(200, rule_status_json(s));
            }
            return admin_error(ErrorId::FaultRuleNotFound, {rest[0]});
        }
        if (request.method == "DELETE") {
            return faults.remove(rest[0]) ? no_content()
                                          : admin_error(ErrorId::FaultRuleNotFound, {rest[0]});
        }
    }
    return admin_error(ErrorId::AdminRouteNotFound, {request.method, request.target});
}

Response journal_route(Service& service, const Request& request, const RequestTarget& target,
                       const std::vector<std::string>& rest) {
    RequestJournal& journal = service.journal();
    if (rest.empty() && request.method == "DELETE") {
        journal.clear();
        return no_content();
    }
    const bool count = rest.size() == 1 && rest[0] == "count";
    if (request.method != "GET" || !(rest.empty() || count)) {
        return admin_error(ErrorId::AdminRouteNotFound, {request.method, request.target});
    }
    auto filter = journal_filter(target);
    if (auto* error = std::get_if<Response>(&filter)) return *error;
    const JournalFilter& f = std::get<JournalFilter>(filter);
    if (count) return json_response(200, {{"count", journal.count(f)}});
    nlohmann::json value = nlohmann::json::array();
    for (const auto& entry : journal.list(f)) value.push_back(entry_json(entry));
    return json_response(200, {{"value", value}});
}

// GET principals: who can sign in, never their secrets (only how many there are).
// POST principals/{clientId}/revokeSecret {"secret": "..."}: that secret stops working.
Response principals_route(Service& service, const Request& request,
                          const std::vector<std::string>& rest) {
    WorkflowStore& store = service.store();
    if (rest.empty() && request.method == "GET") {
        nlohmann::json value = nlohmann::json::array();
        for (const auto& tenant : store.tenants()) {
            for (const auto& sp : tenant.service_principals) {
                value.push_back({{"tenantId", tenant.tenant_id},
                                 {"clientId", sp.client_id},
                                 {"objectId", sp.object_id},
                                 {"displayName", sp.display_name},
                                 {"secretCount", sp.secrets.size()}});
            }
        }
        return json_response(200, {{"value", value}});
    }
    if (rest.size() == 2 && rest[1] == "revokeSecret" && request.method == "POST") {
        auto parsed = parse_json(request.body, 4);
        const auto* body = std::get_if<nlohmann::json>(&parsed);
        if (!body || !body->is_object() || !body->contains("secret") ||
            !(*body)["secret"].is_string()) {
            return admin_error(ErrorId::InvalidSecretRevocation);
        }
        const std::string secret = (*body)["secret"];
        for (const auto& tenant : store.tenants()) {
            if (store.revoke_secret(tenant.tenant_id, rest[0], secret)) return no_content();
        }
        return admin_error(ErrorId::SecretNotFound, {rest[0]});
    }
    return admin_error(ErrorId::AdminRouteNotFound, {request.method, request.target});
}

Response route(Service& service, const Request& request) {
    const RequestTarget target = parse_request_target(request.target);
    // segments[0] is "_mock".
    const std::string area = target.segments.size() > 1 ? target.segments[1] : "";
    const std::vector<std::string> rest(
        target.segments.begin() + std::min<std::size_t>(2, target.segments.size()),
        target.segments.end());
    if (area == "faults") return faults_route(service, request, rest);
    if (area == "journal") return journal_route(service, request, target, rest);
    if (area == "principals") return principals_route(service, request, rest);
    if (area == "reset" && rest.empty() && request.method == "POST") {
        reset_service(service);
        return no_content();
    }
    return admin_error(ErrorId::AdminRouteNotFound, {request.method, request.target});
}

}  // namespace

bool is_admin_target(std::string_view target) {
    return target.rfind(kPrefix, 0) == 0;
}

Response handle_admin(Service& service, const Request& request) {
    const ServiceOptions& options = service.options();
    Response response;
    if (!options.admin_enabled) {
        response = admin_error(ErrorId::AdminApiDisabled);
    } else if (!authorized(options, request.headers)) {
        response = admin_error(ErrorId::AdminAuthenticationFailed);
        response.headers.set("WWW-Authenticate", "Bearer realm=\"logicmock-admin\"");
    } else {
        try {
            response = route(service, request);
        } catch (const std::exception&) {
            response = admin_error(ErrorId::InternalServerError, {"", random_guid()});
        }
    }
    response.headers.set("Cache-Control", "no-cache");
    // Every answer carries an id, which also tells the adapter's error hook that this response
    // is complete and must not be replaced.
    response.headers.set("x-ms-request-id", random_guid());
    return response;
}

std::string add_fault_rule(Service& service, std::string_view rule_json) {
    if (rule_json.size() > kMaxFaultRuleBytes) {
        throw FaultRuleError("fault rule: the rule is " + std::to_string(rule_json.size()) +
                             " bytes; the limit is " + std::to_string(kMaxFaultRuleBytes) + ".");
    }
    auto parsed = parse_json(rule_json, 32);
    if (auto* error = std::get_if<JsonParseError>(&parsed)) {
        throw FaultRuleError("fault rule: at $: " + error->message);
    }
    return service.faults().add(parse_fault_rule(std::get<nlohmann::json>(parsed), "fault rule"));
}

std::string fault_rules_json(const Service& service) {
    nlohmann::json value = nlohmann::json::array();
    for (const auto& s : service.faults().list()) value.push_back(rule_status_json(s));
    return to_json_text(nlohmann::json{{"value", value}});
}

void reset_service(Service& service) {
    service.faults().reset();
    service.store().reset_to_seed();
    service.journal().clear();
}

}  // namespace logicmock
