// ARM's response headers, assembled from constants rendered once, equal what one set() per
// header built before.

#include "protocol/response_headers.hpp"

#include <catch2/catch.hpp>

#include "util/random_bytes.hpp"

using namespace logicmock;

namespace {

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The former add_arm_headers, one Headers::set per header, kept here as the reference.
void reference_arm_headers(Response& response, const Request& request, const RequestIds& ids,
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
    if (mode == ThrottleMode::Off) {
        const bool read = request.method == "GET" || request.method == "HEAD";
        h.set(read ? "x-ms-ratelimit-remaining-subscription-reads"
                   : "x-ms-ratelimit-remaining-subscription-writes",
              read ? "11999" : "1199");
    } else if (rate_limit) {
        const char* names[3][2] = {{"x-ms-ratelimit-remaining-subscription-reads",
                                    "x-ms-ratelimit-remaining-subscription-global-reads"},
                                   {"x-ms-ratelimit-remaining-subscription-writes",
                                    "x-ms-ratelimit-remaining-subscription-global-writes"},
                                   {"x-ms-ratelimit-remaining-subscription-deletes",
                                    "x-ms-ratelimit-remaining-subscription-global-deletes"}};
        const auto& n = names[static_cast<std::size_t>(rate_limit->operation)];
        h.set(n[0], std::to_string(rate_limit->remaining));
        h.set(n[1], std::to_string(rate_limit->global_remaining));
    }
    auto return_id = request.headers.get("x-ms-return-client-request-id");
    auto client_id = request.headers.get("x-ms-client-request-id");
    if (return_id && iequals(*return_id, "true") && client_id) {
        std::string printable;
        for (char c : client_id->substr(0, 128)) {
            if (c >= 0x20 && c < 0x7F) printable += c;
        }
        h.set("x-ms-client-request-id", printable);
    }
    h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Date", http_date(now));
}

std::vector<std::pair<std::string, std::string>> list(const Headers& h) {
    return {h.begin(), h.end()};
}

void require_same_as_before(Response response, const Request& request, ThrottleMode mode,
                            const std::optional<RateLimitCounts>& counts,
                            const std::string& region = "westus") {
    ServiceOptions options;
    options.region = region;
    const RequestIds ids{"11111111-2222-4333-8444-555555555555", "corr"};
    const auto now = std::chrono::system_clock::now();
    Response expected = response;
    reference_arm_headers(expected, request, ids, options, now, mode, counts);
    add_arm_headers(response, request, ids, options, now, mode, counts);
    REQUIRE(list(response.headers) == list(expected.headers));
}

}  // namespace

TEST_CASE("ARM headers equal the one-set-per-header result", "[protocol]") {
    Request get;
    get.method = "GET";
    Request post;
    post.method = "POST";
    post.headers.add("x-ms-return-client-request-id", "True");
    post.headers.add("x-ms-client-request-id", "client\x01-7");

    Response plain(200);
    Response error(409);
    error.headers.set("Content-Type", "application/json; charset=utf-8");
    error.headers.set("Retry-After", "5");
    error.headers.set("cache-control", "private");  // replaced, whatever its case
    error.headers.add("x-ms-request-id", "old-1");
    error.headers.add("X-MS-REQUEST-ID", "old-2");

    const RateLimitCounts writes{OperationClass::Write, 42, 2999};
    const RateLimitCounts deletes{OperationClass::Delete, 7, 14999};
    for (const Response& response : {plain, error}) {
        require_same_as_before(response, get, ThrottleMode::Off, std::nullopt);
        require_same_as_before(response, post, ThrottleMode::Off, std::nullopt);
        require_same_as_before(response, post, ThrottleMode::Count, writes);
        require_same_as_before(response, get, ThrottleMode::Enforce, deletes);
        require_same_as_before(response, get, ThrottleMode::Count, std::nullopt);
    }
    // The region's prefix follows the options, not the first call on the thread.
    require_same_as_before(plain, get, ThrottleMode::Off, std::nullopt, "northeurope");
    require_same_as_before(plain, get, ThrottleMode::Off, std::nullopt, "westus");
}
