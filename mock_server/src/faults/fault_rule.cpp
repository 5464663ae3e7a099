#include "faults/fault_rule.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "faults/fault_presets.hpp"
#include "logicmock/json_text.hpp"
#include "logicmock/schema_validator.hpp"

namespace logicmock {
namespace {

std::string join_path(const std::string& prefix, const std::string& path) {
    if (prefix.empty()) return path;
    if (path.empty()) return prefix;
    return path.front() == '[' ? prefix + path : prefix + "." + path;
}

[[noreturn]] void fail(const std::string& origin, const std::string& path,
                       const std::string& problem) {
    throw FaultRuleError(origin + ": at " + json_path_for_humans(path) + ": " + problem);
}

void check_schema(Shape shape, const nlohmann::json& doc, const std::string& origin,
                  const std::string& prefix) {
    if (auto violation = validate(shape, doc)) {
        fail(origin, join_path(prefix, violation->path), violation->message);
    }
}

std::string text(const nlohmann::json& object, const char* name) {
    auto it = object.find(name);
    return it == object.end() ? std::string() : it->get<std::string>();
}

TransportFaultKind transport_kind(const std::string& type) {
    if (type == "reset") return TransportFaultKind::Reset;
    if (type == "partialBody") return TransportFaultKind::PartialBody;
    if (type == "hold") return TransportFaultKind::Hold;
    return TransportFaultKind::Close;
}

// The ErrorResponse body of a custom error; refused unless it passes the ErrorResponse schema.
std::string error_body_of(const nlohmann::json& error, const std::string& origin,
                          const std::string& path) {
    nlohmann::json inner = {{"code", error["code"]}, {"message", error["message"]}};
    if (error.contains("target")) inner["target"] = error["target"];
    if (error.contains("details")) inner["details"] = error["details"];
    nlohmann::json body = {{"error", inner}};
    if (auto violation = validate(Shape::ErrorResponse, body)) {
        fail(origin, path,
             "the body would not pass the ErrorResponse schema (at " +
                 json_path_for_humans(violation->path) + ": " + violation->message + ")");
    }
    return to_json_text(body);
}

FaultAction action_from(const nlohmann::json& a, const std::string& origin,
                        const std::string& path) {
    FaultAction action;
    if (a.contains("preset") && a.contains("error")) {
        fail(origin, path, "use 'preset' or 'error', not both.");
    }
    action.preset = text(a, "preset");
    if (a.contains("retryAfter")) {
        if (action.preset.empty()) {
            fail(origin, join_path(path, "retryAfter"),
                 "retryAfter goes with a preset; give a custom error a 'Retry-After' header.");
        }
        action.retry_after = a["retryAfter"].get<int>();
    }
    if (a.contains("error")) {
        const auto& e = a["error"];
        action.error_status = e["status"].get<int>();
        action.error_body = error_body_of(e, origin, join_path(path, "error"));
        if (auto headers = e.find("headers"); headers != e.end()) {
            for (const auto& [name, value] : headers->items()) {
                action.error_headers.set(name, value.get<std::string>());
            }
        }
    }
    if (a.contains("transport")) {
        const auto& t = a["transport"];
        TransportFault fault;
        fault.kind = transport_kind(t["type"].get<std::string>());
        const std::string tpath = join_path(path, "transport");
        if (t.contains("bytes") && fault.kind != TransportFaultKind::PartialBody) {
            fail(origin, join_path(tpath, "bytes"), "bytes goes with type 'partialBody'.");
        }
        if (fault.kind == TransportFaultKind::Hold) {
            if (!t.contains("holdMs")) fail(origin, tpath, "type 'hold' needs holdMs.");
            fault.hold_ms = t["holdMs"].get<int>();
        } else if (t.contains("holdMs")) {
            fail(origin, join_path(tpath, "holdMs"), "holdMs goes with type 'hold'.");
        }
        // No bytes: half the body (decided when the body is known).
        fault.body_bytes = t.contains("bytes") ? t["bytes"].get<std::size_t>() : SIZE_MAX;
        if (action.answers_with_error() && fault.kind != TransportFaultKind::PartialBody) {
            fail(origin, path,
                 "a transport fault of type 'reset', 'close' or 'hold' sends no response, so it "
                 "takes no 'preset' or 'error'.");
        }
        action.transport = fault;
    }
    if (a.contains("delayMs")) {
        const auto& d = a["delayMs"];
        if (d.is_object()) {
            action.delay_min_ms = d["min"].get<int>();
            action.delay_max_ms = d["max"].get<int>();
            if (action.delay_min_ms > action.delay_max_ms) {
                fail(origin, join_path(path, "delayMs"), "min is larger than max.");
            }
        } else {
            action.delay_min_ms = action.delay_max_ms = d.get<int>();
        }
    }
    if (!action.answers_with_error() && !action.transport && !a.contains("delayMs")) {
        fail(origin, path, "the action needs one of 'preset', 'error', 'transport' or 'delayMs'.");
    }
    return action;
}

}  // namespace

std::string FaultAction::label() const {
    std::string label;
    if (transport) {
        static constexpr const char* kNames[] = {"reset", "close", "partialBody", "hold"};
        label = std::string("transport:") + kNames[static_cast<int>(transport->kind)];
    }
    if (!preset.empty()) {
        label += (label.empty() ? "" : "+") + std::string("preset:") + preset;
    } else if (error_status) {
        label += (label.empty() ? "" : "+") + std::string("error:") + std::to_string(*error_status);
    }
    if (label.empty()) label = "delay";
    return label;
}

FaultAction parse_fault_action(const nlohmann::json& action, const std::string& origin,
                               const std::string& path) {
    check_schema(Shape::FaultAction, action, origin, path);
    return action_from(action, origin, path);
}

FaultRule parse_fault_rule(const nlohmann::json& r, const std::string& origin,
                           const std::string& path) {
    check_schema(Shape::FaultRule, r, origin, path);
    FaultRule rule;
    rule.name = text(r, "name");
    if (r.contains("match")) {
        const auto& m = r["match"];
        rule.match.operation = text(m, "operation");
        rule.match.method = text(m, "method");
        rule.match.subscription = text(m, "subscription");
        rule.match.resource_group = text(m, "resourceGroup");
        rule.match.workflow = text(m, "workflow");
        rule.match.key_type = text(m, "keyType");
        rule.match.provider = text(m, "provider");
        rule.match.site = text(m, "site");
        if (m.contains("header")) {
            rule.match.header_name = text(m["header"], "name");
            rule.match.header_value = text(m["header"], "value");
        }
    }
    rule.action = action_from(r["action"], origin, join_path(path, "action"));
    if (r.contains("times")) rule.times = r["times"].get<std::uint64_t>();
    rule.after = r.value("after", std::uint64_t{0});
    rule.probability = r.value("probability", 1.0);
    if (r.contains("seed")) rule.seed = r["seed"].get<std::uint64_t>();
    rule.priority = r.value("priority", 0);
    rule.json = to_json_text(r);
    if (rule.json.size() > kMaxFaultRuleBytes) {
        fail(origin, path,
             "the rule is " + std::to_string(rule.json.size()) + " bytes; the limit is " +
                 std::to_string(kMaxFaultRuleBytes) + ".");
    }
    return rule;
}

std::shared_ptr<const FaultRuleList> parse_fault_rules(const std::string& json_text,
                                                       const std::string& origin) {
    auto parsed = parse_json(json_text);
    if (auto* error = std::get_if<JsonParseError>(&parsed)) fail(origin, "", error->message);
    const auto& doc = std::get<nlohmann::json>(parsed);
    check_schema(Shape::FaultRulesFile, doc, origin, "");
    auto list = std::make_shared<FaultRuleList>();
    const auto& rules = doc["rules"];
    for (std::size_t i = 0; i < rules.size(); ++i) {
        list->rules.push_back(
            parse_fault_rule(rules[i], origin, "rules[" + std::to_string(i) + "]"));
    }
    return list;
}

std::shared_ptr<const FaultRuleList> load_fault_file(const std::string& path) {
    const std::string origin = "fault file '" + path + "'";
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FaultRuleError(origin + ": cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_fault_rules(text.str(), origin);
}

}  // namespace logicmock
