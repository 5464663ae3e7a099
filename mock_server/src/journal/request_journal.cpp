#include "journal/request_journal.hpp"

#include <nlohmann/json.hpp>

#include "faults/fault_engine.hpp"
#include "journal/redaction.hpp"
#include "logicmock/json_text.hpp"
#include "util/glob.hpp"

namespace logicmock {
namespace {

std::string capped(std::string_view text, std::size_t limit) {
    return std::string(text.substr(0, limit));
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

// Runtime answers carry no trace of their error; only they pay for reading the body again.
void add_error(JournalEntry& entry, const Response& response, const RequestTrace& trace) {
    if (!trace.error_code.empty()) {
        entry.error_code = capped(trace.error_code, kJournalMaxText);
        entry.error_message = capped(trace.error_message, kJournalMaxText);
        return;
    }
    if (response.status < 400) return;
    auto parsed = parse_json(response.body, 8);
    auto* json = std::get_if<nlohmann::json>(&parsed);
    if (!json || !json->is_object() || !json->contains("error")) return;
    const auto& error = (*json)["error"];
    if (!error.is_object()) return;
    if (error.contains("code") && error["code"].is_string()) {
        entry.error_code = capped(error["code"].get<std::string>(), kJournalMaxText);
    }
    if (error.contains("message") && error["message"].is_string()) {
        entry.error_message = capped(error["message"].get<std::string>(), kJournalMaxText);
    }
}

}  // namespace

RequestJournal::RequestJournal(std::size_t capacity, std::size_t body_limit)
    : capacity_(capacity), body_limit_(body_limit) {}

void RequestJournal::record(JournalEntry entry) {
    std::lock_guard lock(mutex_);
    entry.id = next_id_++;
    if (capacity_ == 0) return;
    if (entries_.size() >= capacity_) entries_.pop_front();
    entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> RequestJournal::list(const JournalFilter& filter) const {
    std::lock_guard lock(mutex_);
    std::vector<JournalEntry> out;
    for (const auto& entry : entries_) {
        if (!journal_filter_matches(filter, entry)) continue;
        out.push_back(entry);
        if (filter.limit != 0 && out.size() >= filter.limit) break;
    }
    return out;
}

std::size_t RequestJournal::count(const JournalFilter& filter) const {
    std::lock_guard lock(mutex_);
    std::size_t n = 0;
    for (const auto& entry : entries_) n += journal_filter_matches(filter, entry) ? 1 : 0;
    return n;
}

void RequestJournal::clear() {
    std::lock_guard lock(mutex_);
    entries_.clear();
}

bool journal_filter_matches(const JournalFilter& f, const JournalEntry& e) {
    if (e.id <= f.since) return false;
    if (f.status && e.status != *f.status) return false;
    if (!f.operation.empty() && !glob_match(f.operation, e.operation)) return false;
    if (!f.workflow.empty() && !glob_match(f.workflow, e.workflow)) return false;
    return true;
}

JournalEntry make_journal_entry(const Request& request, const Response& response,
                                const RequestTrace& trace, SystemTime received, double duration_ms,
                                std::size_t body_limit) {
    JournalEntry e;
    e.time = iso_time(received);
    e.method = capped(request.method, 16);
    std::string_view target = request.target;
    const auto q = target.find('?');
    e.path = capped(target.substr(0, q), kJournalMaxTarget);
    if (q != std::string_view::npos) {
        e.query = capped(redact_query(target.substr(q + 1)), kJournalMaxTarget);
    }
    for (const auto& [name, value] : request.headers) {
        if (is_transport_pseudo_header(name)) continue;
        if (e.headers.size() >= kJournalMaxHeaders) break;
        e.headers.emplace_back(capped(name, kJournalMaxHeaderName),
                               capped(redacted_header_value(name, value), kJournalMaxHeaderValue));
    }
    std::string body = request.body.empty() ? std::string() : redact_body(request.body);
    e.body_truncated = body.size() > body_limit;
    e.body = capped(body, body_limit);
    // Reset, close and hold send no status line.
    const bool silent = response.transport_fault &&
                        response.transport_fault->kind != TransportFaultKind::PartialBody;
    e.status = silent ? 0 : response.status;
    if (!trace.operation_id.empty()) e.operation = short_operation_name(trace.operation_id);
    if (trace.route || !trace.params.workflow.empty()) {
        e.subscription = capped(trace.params.subscription_id, kJournalMaxText);
        e.resource_group = capped(trace.params.resource_group, kJournalMaxText);
        e.workflow = capped(trace.params.workflow, kJournalMaxText);
    }
    e.fault_rule = trace.fault.rule_id;
    e.fault_action = trace.fault.action;
    e.throttled = trace.throttled;
    add_error(e, response, trace);
    if (auto id = response.headers.get("x-ms-request-id")) e.request_id = capped(*id, 64);
    e.duration_ms = duration_ms;
    return e;
}

}  // namespace logicmock
