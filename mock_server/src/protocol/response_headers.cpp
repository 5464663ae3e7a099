#include "protocol/response_headers.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "logicmock/json_text.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

// Echoed header values are bounded and printable so a caller cannot grow or split headers.
std::string sanitized(std::string_view value) {
    std::string out;
    for (char c : value.substr(0, 128)) {
        if (c >= 0x20 && c < 0x7F) out += c;
    }
    return out;
}

std::string upper(std::string s) {
    for (char& c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return s;
}

}  // namespace

Response json_response(int status, const nlohmann::json& body) {
    Response response{status, {}, to_json_text(body)};
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    return response;
}

RequestIds assign_request_ids(const Request& request) {
    RequestIds ids;
    ids.request_id = request_guid();
    auto caller = request.headers.get("x-ms-correlation-request-id");
    std::string correlation = caller ? sanitized(*caller) : "";
    ids.correlation_id = correlation.empty() ? ids.request_id : correlation;
    return ids;
}

Response error_response(const ArmError& error) {
    Response response;
    response.status = error.status;
    response.body = error_body(error);
    response.headers = error.extra_headers;
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    if (error.from_gateway) response.headers.set("x-ms-failure-cause", "gateway");
    return response;
}

namespace {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// x-ms-ratelimit-remaining-*: with ThrottleMode::Off the sliding-window era's constant (a
// subscription not on token buckets); else the counts, when there are any.
void add_rate_limit_headers(HeaderList& h, const Request& request, ThrottleMode mode,
                            const std::optional<RateLimitCounts>& rate_limit) {
    static const std::string kReads = "x-ms-ratelimit-remaining-subscription-reads";
    static const std::string kWrites = "x-ms-ratelimit-remaining-subscription-writes";
    static const std::string kReadsLeft = "11999";
    static const std::string kWritesLeft = "1199";
    if (mode == ThrottleMode::Off) {
        const bool read = request.method == "GET" || request.method == "HEAD";
        h.emplace_back(read ? kReads : kWrites, read ? kReadsLeft : kWritesLeft);
        return;
    }
    if (!rate_limit) return;
    static const std::array<std::array<const char*, 2>, 3> kNames{{
        {"x-ms-ratelimit-remaining-subscription-reads",
         "x-ms-ratelimit-remaining-subscription-global-reads"},
        {"x-ms-ratelimit-remaining-subscription-writes",
         "x-ms-ratelimit-remaining-subscription-global-writes"},
        {"x-ms-ratelimit-remaining-subscription-deletes",
         "x-ms-ratelimit-remaining-subscription-global-deletes"},
    }};
    const auto& names = kNames[static_cast<std::size_t>(rate_limit->operation)];
    h.emplace_back(names[0], std::to_string(rate_limit->remaining));
    h.emplace_back(names[1], std::to_string(rate_limit->global_remaining));
}

// "WESTUS:" for the routing id, upper-cased once per region and thread, not per request.
const std::string& routing_prefix(const std::string& region) {
    thread_local std::string cached_region;
    thread_local std::string cached_prefix = ":";
    if (region != cached_region) {
        cached_region = region;
        cached_prefix = upper(region) + ":";
    }
    return cached_prefix;
}

// The same result as h.set(name, value) for each pair in turn (the names are distinct): the
// response's own headers of those names go, the new ones follow in order. One pass, not one
// scan of the list per header.
void set_all(Headers& h, HeaderList& added) {
    Headers merged;
    for (const auto& [name, value] : h) {
        bool replaced = false;
        for (const auto& pair : added) replaced = replaced || iequals(pair.first, name);
        if (!replaced) merged.add(name, value);
    }
    for (auto& [name, value] : added) merged.add(std::move(name), std::move(value));
    h = std::move(merged);
}

}  // namespace

void add_arm_headers(Response& response, const Request& request, const RequestIds& ids,
                     const ServiceOptions& options, SystemTime now, ThrottleMode mode,
                     const std::optional<RateLimitCounts>& rate_limit) {
    // Rendered once: the names and the values that never change.
    static const HeaderList kLeading = {
        {"Cache-Control", "no-cache"}, {"Pragma", "no-cache"}, {"Expires", "-1"}};
    static const HeaderList kTrailing = {
        {"Strict-Transport-Security", "max-age=31536000; includeSubDomains"},
        {"X-Content-Type-Options", "nosniff"}};
    static const std::string kRequestId = "x-ms-request-id";
    static const std::string kCorrelationId = "x-ms-correlation-request-id";
    static const std::string kRoutingId = "x-ms-routing-request-id";
    static const std::string kClientId = "x-ms-client-request-id";
    static const std::string kDate = "Date";

    thread_local HeaderList h;  // keeps its capacity; the strings move into the response
    h.clear();
    h.insert(h.end(), kLeading.begin(), kLeading.end());
    h.emplace_back(kRequestId, ids.request_id);
    h.emplace_back(kCorrelationId, ids.correlation_id);
    std::string routing = routing_prefix(options.region);
    routing += routing_timestamp(now);
    routing += ':';
    routing += ids.request_id;
    h.emplace_back(kRoutingId, std::move(routing));
    add_rate_limit_headers(h, request, mode, rate_limit);
    auto return_id = request.headers.get("x-ms-return-client-request-id");
    auto client_id = request.headers.get("x-ms-client-request-id");
    if (return_id && iequals(*return_id, "true") && client_id) {
        h.emplace_back(kClientId, sanitized(*client_id));
    }
    h.insert(h.end(), kTrailing.begin(), kTrailing.end());
    h.emplace_back(kDate, http_date(now));
    set_all(response.headers, h);
}

}  // namespace logicmock
