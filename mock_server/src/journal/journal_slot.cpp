#include "journal/journal_slot.hpp"

#include <nlohmann/json.hpp>

#include "faults/fault_engine.hpp"
#include "journal/redaction.hpp"
#include "logicmock/json_text.hpp"
#include "util/glob.hpp"

namespace logicmock {
namespace {

void assign_capped(std::string& into, std::string_view text, std::size_t limit) {
    into.assign(text.substr(0, std::min(text.size(), limit)));
}

// Short enough to redact when read; else redacted now, with `redact`, and capped.
template <typename Redact>
void capture_text(CapturedText& into, std::string_view text, std::size_t limit, Redact redact) {
    into.raw = text.size() <= limit;
    if (into.raw) {
        into.text.assign(text);
        into.truncated = false;
        return;
    }
    std::string redacted = redact(text);
    into.truncated = redacted.size() > limit;
    assign_capped(into.text, redacted, limit);
}

template <typename Redact>
std::string render_text(const CapturedText& from, std::size_t limit, bool& truncated,
                        Redact redact) {
    if (!from.raw) {
        truncated = from.truncated;
        return from.text;
    }
    std::string redacted = redact(from.text);
    truncated = redacted.size() > limit;
    if (truncated) redacted.resize(limit);
    return redacted;
}

std::string iso_time(SystemTime t) {
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(ms % 1000));
    return text;
}

// httplib files the connection's addresses among the request headers.
bool is_transport_pseudo_header(std::string_view name) {
    return name == "LOCAL_ADDR" || name == "LOCAL_PORT" || name == "REMOTE_ADDR" ||
           name == "REMOTE_PORT";
}

void capture_headers(JournalSlot& slot, const Headers& headers) {
    std::size_t n = 0;
    for (const auto& [name, value] : headers) {
        if (is_transport_pseudo_header(name)) continue;
        if (n >= kJournalMaxHeaders) break;
        if (slot.headers.size() <= n) slot.headers.emplace_back();
        auto& [to_name, to_value] = slot.headers[n++];
        assign_capped(to_name, name, kJournalMaxHeaderName);
        if (is_secret_header(name)) {
            assign_capped(to_value, redacted_header_value(name, value), kJournalMaxHeaderValue);
        } else {
            assign_capped(to_value, value, kJournalMaxHeaderValue);
        }
    }
    slot.header_count = n;
}

// Runtime answers carry no trace of their error; only they pay for reading the body again.
void capture_error(JournalSlot& slot, const Response& response, const RequestTrace& trace) {
    slot.error_code.clear();
    slot.error_message.clear();
    if (!trace.error_code.empty()) {
        assign_capped(slot.error_code, trace.error_code, kJournalMaxText);
        assign_capped(slot.error_message, trace.error_message, kJournalMaxText);
        return;
    }
    if (response.status < 400) return;
    auto parsed = parse_json(response.body, 8);
    auto* json = std::get_if<nlohmann::json>(&parsed);
    if (!json || !json->is_object() || !json->contains("error")) return;
    const auto& error = (*json)["error"];
    if (!error.is_object()) return;
    if (error.contains("code") && error["code"].is_string()) {
        assign_capped(slot.error_code, error["code"].get<std::string>(), kJournalMaxText);
    }
    if (error.contains("message") && error["message"].is_string()) {
        assign_capped(slot.error_message, error["message"].get<std::string>(), kJournalMaxText);
    }
}

}  // namespace

void capture_journal_slot(JournalSlot& slot, const Request& request, const Response& response,
                          const RequestTrace& trace, SystemTime received, double duration_ms,
                          std::size_t body_limit) {
    slot.received = received;
    assign_capped(slot.method, request.method, kJournalMaxMethod);
    const std::string_view target = request.target;
    const auto q = target.find('?');
    assign_capped(slot.path, target.substr(0, q), kJournalMaxTarget);
    capture_text(slot.query,
                 q == std::string_view::npos ? std::string_view() : target.substr(q + 1),
                 kJournalMaxTarget, redact_query);
    capture_headers(slot, request.headers);
    capture_text(slot.body, request.body, body_limit, redact_body);
    // Reset, close and hold send no status line.
    const bool silent = response.transport_fault &&
                        response.transport_fault->kind != TransportFaultKind::PartialBody;
    slot.status = silent ? 0 : response.status;
    slot.operation_id.assign(trace.operation_id);
    const bool named = trace.route || !trace.params.workflow.empty();
    assign_capped(slot.subscription, named ? trace.params.subscription_id : "", kJournalMaxText);
    assign_capped(slot.resource_group, named ? trace.params.resource_group : "", kJournalMaxText);
    assign_capped(slot.workflow, named ? trace.params.workflow : "", kJournalMaxText);
    slot.fault_rule.assign(trace.fault.rule_id);
    slot.fault_action.assign(trace.fault.action);
    slot.throttled = trace.throttled;
    capture_error(slot, response, trace);
    assign_capped(slot.request_id, response.headers.get("x-ms-request-id").value_or(""),
                  kJournalMaxRequestId);
    slot.duration_ms = duration_ms;
}

JournalEntry render_journal_entry(const JournalSlot& slot, std::size_t body_limit) {
    JournalEntry e;
    e.id = slot.id;
    e.time = iso_time(slot.received);
    e.method = slot.method;
    e.path = slot.path;
    bool query_truncated = false;
    e.query = render_text(slot.query, kJournalMaxTarget, query_truncated, redact_query);
    e.headers.assign(slot.headers.begin(),
                     slot.headers.begin() + static_cast<std::ptrdiff_t>(slot.header_count));
    e.body = slot.body.text.empty() && slot.body.raw
                 ? std::string()
                 : render_text(slot.body, body_limit, e.body_truncated, redact_body);
    e.status = slot.status;
    if (!slot.operation_id.empty()) e.operation = short_operation_name(slot.operation_id);
    e.subscription = slot.subscription;
    e.resource_group = slot.resource_group;
    e.workflow = slot.workflow;
    e.fault_rule = slot.fault_rule;
    e.fault_action = slot.fault_action;
    e.throttled = slot.throttled;
    e.error_code = slot.error_code;
    e.error_message = slot.error_message;
    e.request_id = slot.request_id;
    e.duration_ms = slot.duration_ms;
    return e;
}

bool journal_filter_matches(const JournalFilter& f, const JournalSlot& s) {
    if (s.id <= f.since) return false;
    if (f.status && s.status != *f.status) return false;
    if (!f.operation.empty() &&
        !glob_match(f.operation, s.operation_id.empty() ? std::string()
                                                        : short_operation_name(s.operation_id))) {
        return false;
    }
    if (!f.workflow.empty() && !glob_match(f.workflow, s.workflow)) return false;
    return true;
}

}  // namespace logicmock
