#include "protocol/response_headers.hpp"

#include <array>
#include <nlohmann/json.hpp>

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
    ids.request_id = random_guid();
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

static void add_rate_limit_headers(Headers& h, const Request& request, ThrottleMode mode,
                                   const std::optional<RateLimitCounts>& rate_limit) {
    if (mode == ThrottleMode::Off) {
        // The sliding-window era's header (a subscription not on token buckets): a constant.
        const bool read = request.method == "GET" || request.method == "HEAD";
        h.set(read ? "x-ms-ratelimit-remaining-subscription-reads"
                   : "x-ms-ratelimit-remaining-subscription-writes",
              read ? "11999" : "1199");
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
    h.set(names[0], std::to_string(rate_limit->remaining));
    h.set(names[1], std::to_string(rate_limit->global_remaining));
}

void add_arm_headers(Response& response, const Request& request, const RequestIds& ids,
                     const ServiceOptions& options, SystemTime now, ThrottleMode mode,
                     const std::optional<RateLimitCounts>& rate_limit) {
    Headers& h = response.headers;
    h.set("Cache-Control", "no-cache");
    h.set("Pragma", "no-cache");
    h.set("Expires", "-1");
    h.set("x-ms-request-id", ids.request_id);
    h.set("x-ms-correlation-request-id", ids.correlation_id);
    h.set("x-ms-routing-request-id",
          upper(options.region) + ":" + routing_timestamp(now) + ":" + ids.request_id);
    add_rate_limit_headers(h, request, mode, rate_limit);
    auto return_id = request.headers.get("x-ms-return-client-request-id");
    auto client_id = request.headers.get("x-ms-client-request-id");
    if (return_id && iequals(*return_id, "true") && client_id) {
        h.set("x-ms-client-request-id", sanitized(*client_id));
    }
    h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Date", http_date(now));
}

}  // namespace logicmock
