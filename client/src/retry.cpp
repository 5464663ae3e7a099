#include "logicmock/client/retry.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace logicmock::client {
namespace {

using std::chrono::milliseconds;

// A non-negative decimal integer and nothing else ("12", not "12s", "-1" or "1.5").
std::optional<long long> parse_count(std::optional<std::string_view> text) {
    if (!text || text->empty()) return std::nullopt;
    long long value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || end != text->data() + text->size() || value < 0) return std::nullopt;
    return value;
}

}  // namespace

bool is_retriable(const RetryPolicy& policy, const AttemptOutcome& outcome) {
    const auto listed = [&](int status) {
        return std::find(policy.retry_statuses.begin(), policy.retry_statuses.end(), status) !=
               policy.retry_statuses.end();
    };
    if (const auto* failure = std::get_if<TransportError>(&outcome)) {
        if (!policy.retry_transport_errors) return false;
        // A proxy that refuses the tunnel (403 for a host it does not serve, 407) answers the
        // same way again; only the statuses retried for ARM (502, 503, ...) are worth another try.
        if (failure->kind == TransportError::Kind::Proxy) return listed(failure->proxy_status);
        return true;
    }
    return listed(std::get<HttpResponse>(outcome).status);
}

std::optional<milliseconds> server_requested_delay(const HeaderList& headers) {
    for (const char* name : {"x-ms-retry-after-ms", "retry-after-ms"}) {
        if (auto ms = parse_count(headers.get(name))) return milliseconds(*ms);
    }
    if (auto seconds = parse_count(headers.get("Retry-After"))) {
        // Anything beyond a day is clamped later anyway; this only avoids overflow.
        return milliseconds(std::min(*seconds, 86'400LL) * 1000);
    }
    return std::nullopt;
}

milliseconds backoff_delay(const RetryPolicy& policy, int retry_number, double random_unit) {
    const double exponent = std::clamp(retry_number - 1, 0, 62);
    const double jitter = 1.0 - policy.jitter + 2.0 * policy.jitter * random_unit;
    const double delay =
        static_cast<double>(policy.base_delay.count()) * std::pow(2.0, exponent) * jitter;
    const double cap = static_cast<double>(policy.max_delay.count());
    return milliseconds(static_cast<long long>(std::clamp(delay, 0.0, cap)));
}

std::optional<milliseconds> next_retry_delay(const RetryPolicy& policy, int retries_done,
                                             const AttemptOutcome& outcome, double random_unit) {
    if (retries_done >= policy.max_retries || !is_retriable(policy, outcome)) return std::nullopt;
    if (const auto* response = std::get_if<HttpResponse>(&outcome)) {
        if (auto requested = server_requested_delay(response->headers)) {
            return std::min(*requested, policy.max_server_delay);
        }
    }
    return backoff_delay(policy, retries_done + 1, random_unit);
}

}  // namespace logicmock::client
