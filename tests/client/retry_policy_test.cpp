// The retry decision as pure functions: which outcomes retry, and how long to wait.
#include <catch2/catch.hpp>

#include "fake_transport.hpp"

using namespace logicmock::client;
using namespace logicmock::client::testing;
using std::chrono::milliseconds;

TEST_CASE("retriable statuses are exactly 408, 429, 500, 502, 503 and 504", "[retry]") {
    const RetryPolicy policy;
    for (int status : {408, 429, 500, 502, 503, 504}) {
        CAPTURE(status);
        CHECK(is_retriable(policy, response(status)));
    }
    for (int status : {200, 400, 401, 403, 404, 409, 415, 501, 505}) {
        CAPTURE(status);
        CHECK_FALSE(is_retriable(policy, response(status)));
    }
}

TEST_CASE("transport failures retry unless the policy says otherwise", "[retry]") {
    RetryPolicy policy;
    const AttemptOutcome refused = TransportError{TransportError::Kind::Connect, "refused"};
    CHECK(is_retriable(policy, refused));
    policy.retry_transport_errors = false;
    CHECK_FALSE(is_retriable(policy, refused));
}

TEST_CASE("a proxy's refusal of CONNECT retries only for the statuses ARM retries",
          "[retry][proxy]") {
    RetryPolicy policy;
    const auto refusal = [](int status) -> AttemptOutcome {
        return TransportError{TransportError::Kind::Proxy, "refused", "http://p:1", status};
    };
    for (int status : {403, 404, 405, 407, 400}) {
        CAPTURE(status);
        CHECK_FALSE(is_retriable(policy, refusal(status)));
        CHECK_FALSE(next_retry_delay(policy, 0, refusal(status), 0.5));
    }
    for (int status : {408, 429, 500, 502, 503, 504}) {
        CAPTURE(status);
        CHECK(is_retriable(policy, refusal(status)));
    }
    policy.retry_transport_errors = false;
    CHECK_FALSE(is_retriable(policy, refusal(502)));
}

TEST_CASE("the server's requested delay is read from the retry headers", "[retry]") {
    CHECK(server_requested_delay({{"Retry-After", "2"}}) == milliseconds(2000));
    CHECK(server_requested_delay({{"retry-after", "0"}}) == milliseconds(0));
    CHECK(server_requested_delay({{"x-ms-retry-after-ms", "1500"}}) == milliseconds(1500));
    CHECK(server_requested_delay({{"retry-after-ms", "250"}}) == milliseconds(250));
    // The millisecond header is more precise and wins.
    CHECK(server_requested_delay({{"Retry-After", "7"}, {"x-ms-retry-after-ms", "300"}}) ==
          milliseconds(300));
    for (const char* bad : {"", "soon", "-1", "1.5", "2s", "Wed, 21 Oct 2015 07:28:00 GMT"}) {
        CAPTURE(bad);
        CHECK_FALSE(server_requested_delay({{"Retry-After", bad}}).has_value());
    }
    CHECK_FALSE(server_requested_delay({}).has_value());
}

TEST_CASE("back-off doubles per retry, with jitter, up to the cap", "[retry]") {
    RetryPolicy policy;
    policy.base_delay = milliseconds(800);
    policy.max_delay = milliseconds(5000);
    policy.jitter = 0.2;

    CHECK(backoff_delay(policy, 1, 0.5) == milliseconds(800));
    CHECK(backoff_delay(policy, 2, 0.5) == milliseconds(1600));
    CHECK(backoff_delay(policy, 3, 0.5) == milliseconds(3200));
    CHECK(backoff_delay(policy, 4, 0.5) == milliseconds(5000));
    CHECK(backoff_delay(policy, 1000, 0.5) == milliseconds(5000));

    CHECK(backoff_delay(policy, 1, 0.0) == milliseconds(640));   // 0.8 x
    CHECK(backoff_delay(policy, 1, 0.99) == milliseconds(956));  // just under 1.2 x
    CHECK(backoff_delay(policy, 3, 0.99) == milliseconds(3827));
    CHECK(backoff_delay(policy, 4, 0.0) == milliseconds(5000));  // 6400 x 0.8 still capped
}

TEST_CASE("next_retry_delay stops at the attempt limit and on non-retriable outcomes", "[retry]") {
    RetryPolicy policy;
    policy.max_retries = 2;
    CHECK(next_retry_delay(policy, 0, response(503), 0.5) == milliseconds(800));
    CHECK(next_retry_delay(policy, 1, response(503), 0.5) == milliseconds(1600));
    CHECK_FALSE(next_retry_delay(policy, 2, response(503), 0.5).has_value());

    // Retry-After does not make a 400 retriable (unlike azure-core for Python).
    CHECK_FALSE(next_retry_delay(policy, 0, response(400, "", {{"Retry-After", "1"}}), 0.5));
    CHECK_FALSE(next_retry_delay(policy, 0, response(404), 0.5));
}

TEST_CASE("a requested delay replaces the back-off and is bounded", "[retry]") {
    RetryPolicy policy;
    policy.max_server_delay = milliseconds(10'000);
    CHECK(next_retry_delay(policy, 2, response(429, "", {{"Retry-After", "3"}}), 0.5) ==
          milliseconds(3000));
    CHECK(next_retry_delay(policy, 0, response(503, "", {{"x-ms-retry-after-ms", "20"}}), 0.5) ==
          milliseconds(20));
    CHECK(next_retry_delay(policy, 0, response(429, "", {{"Retry-After", "99999"}}), 0.5) ==
          milliseconds(10'000));
}
