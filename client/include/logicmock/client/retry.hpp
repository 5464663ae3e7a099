#pragma once
// When and how long to wait before the next attempt, as the Azure SDKs do it.
// Pure functions of their inputs, so the policy can be tested without a network or a clock.

#include <chrono>
#include <functional>
#include <optional>
#include <vector>

#include "logicmock/client/http.hpp"

namespace logicmock::client {

struct RetryPolicy {
    int max_retries = 3;  // retries after the first attempt
    std::chrono::milliseconds base_delay{800};
    std::chrono::milliseconds max_delay{60'000};  // cap of the back-off, jitter included
    // Back-off is multiplied by a factor drawn uniformly from [1 - jitter, 1 + jitter].
    double jitter = 0.2;
    // Upper bound on a delay the server asks for, so a bogus Retry-After cannot hang a caller.
    std::chrono::milliseconds max_server_delay{120'000};
    std::vector<int> retry_statuses{408, 429, 500, 502, 503, 504};
    // Every transport failure, except a proxy's refusal of CONNECT (Kind::Proxy), which is
    // retried only when its status is in retry_statuses (a 502 or 503, not a 403 or 407).
    bool retry_transport_errors = true;
};

// What the retry loop needs from the outside world; tests replace all three.
struct RetryEnvironment {
    std::function<std::chrono::steady_clock::time_point()> now;  // empty: steady_clock
    std::function<void(std::chrono::milliseconds)> sleep;        // empty: this_thread
    std::function<double()> random;  // uniform in [0, 1); empty: a seeded engine
};

bool is_retriable(const RetryPolicy& policy, const AttemptOutcome& outcome);

// The delay the response asks for: x-ms-retry-after-ms, then retry-after-ms (milliseconds),
// then Retry-After (integer seconds; the HTTP-date form is not used by ARM and is ignored).
std::optional<std::chrono::milliseconds> server_requested_delay(const HeaderList& headers);

// Exponential back-off for the retry_number-th retry (1-based), jittered, capped at max_delay.
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry_number,
                                        double random_unit);

// How long to wait before retrying after `outcome`, or nothing when the call must stop.
// retries_done counts the retries already made.
std::optional<std::chrono::milliseconds> next_retry_delay(const RetryPolicy& policy,
                                                          int retries_done,
                                                          const AttemptOutcome& outcome,
                                                          double random_unit);

}  // namespace logicmock::client
