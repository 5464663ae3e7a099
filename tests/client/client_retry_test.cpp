// The retry loop of WorkflowsClient on a scripted transport and a fake clock.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "fake_transport.hpp"

using namespace logicmock::client;
using namespace logicmock::client::testing;
using std::chrono::milliseconds;

namespace {

std::vector<std::string> client_request_ids(const FakeTransport& transport) {
    std::vector<std::string> ids;
    for (const auto& request : transport.requests) {
        ids.emplace_back(request.headers.get("x-ms-client-request-id").value_or(""));
    }
    return ids;
}

}  // namespace

TEST_CASE("429 with Retry-After waits as asked, then succeeds", "[retry][client]") {
    FakeSetup setup(
        {response(429, R"({"error":{"code":"Throttled","message":"m"}})", {{"Retry-After", "2"}}),
         response(200)});
    auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);

    REQUIRE(result.ok());
    CHECK(result.attempts == 2);
    CHECK(setup.clock.sleeps == std::vector{milliseconds(2000)});
    CHECK(result.elapsed == milliseconds(2000));
}

TEST_CASE("x-ms-retry-after-ms is honoured", "[retry][client]") {
    FakeSetup setup({response(503, "", {{"x-ms-retry-after-ms", "250"}}), response(200)});
    auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Secondary);

    REQUIRE(result.ok());
    CHECK(setup.clock.sleeps == std::vector{milliseconds(250)});
}

TEST_CASE("a persistent 500 is tried 1 + max_retries times with growing back-off",
          "[retry][client]") {
    FakeSetup setup({arm_error(500, "InternalServerError")});
    auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);

    REQUIRE(result.arm_error());
    CHECK(result.arm_error()->code == "InternalServerError");
    CHECK(result.attempts == 4);
    CHECK(setup.transport->requests.size() == 4);
    CHECK(setup.clock.sleeps ==
          std::vector{milliseconds(800), milliseconds(1600), milliseconds(3200)});
    CHECK(result.elapsed == milliseconds(5600));
}

TEST_CASE("the attempt limit and the back-off cap come from the policy", "[retry][client]") {
    RetryPolicy policy;
    policy.max_retries = 5;
    policy.max_delay = milliseconds(2000);
    FakeSetup setup({response(502)}, policy);
    auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);

    CHECK(result.attempts == 6);
    CHECK(setup.clock.sleeps == std::vector{milliseconds(800), milliseconds(1600),
                                            milliseconds(2000), milliseconds(2000),
                                            milliseconds(2000)});

    policy.max_retries = 0;
    FakeSetup no_retries({response(502)}, policy);
    CHECK(no_retries.client.regenerate_access_key(kWorkflow, KeyType::Primary).attempts == 1);
    CHECK(no_retries.clock.sleeps.empty());
}

TEST_CASE("every attempt of a call carries the same client request id", "[retry][client]") {
    FakeSetup setup({response(503), response(504), response(200)});
    auto first = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(first.ok());

    auto ids = client_request_ids(*setup.transport);
    REQUIRE(ids.size() == 3);
    CHECK(std::set(ids.begin(), ids.end()).size() == 1);
    CHECK(ids[0] == first.client_request_id);
    CHECK(std::regex_match(ids[0],
                           std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                      "[0-9a-f]{12}")));

    auto second = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);
    CHECK(second.client_request_id != first.client_request_id);
}

TEST_CASE("400 and 404 are never retried", "[retry][client]") {
    for (int status : {400, 404}) {
        CAPTURE(status);
        FakeSetup setup({arm_error(status, "Nope", {{"Retry-After", "1"}}), response(200)});
        auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);
        CHECK(result.attempts == 1);
        REQUIRE(result.arm_error());
        CHECK(result.arm_error()->status == status);
        CHECK(setup.clock.sleeps.empty());
    }
}

TEST_CASE("transport failures are retried and stay transport failures", "[retry][client]") {
    const TransportError refused{TransportError::Kind::Connect, "refused"};

    FakeSetup recovers({refused, response(200)});
    auto ok = recovers.client.regenerate_access_key(kWorkflow, KeyType::Primary);
    CHECK(ok.ok());
    CHECK(ok.attempts == 2);

    FakeSetup fails({refused});
    auto failed = fails.client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(failed.transport_error());
    CHECK(failed.kind() == OutcomeKind::TransportError);
    CHECK(failed.transport_error()->kind == TransportError::Kind::Connect);
    CHECK(failed.attempts == 4);
    CHECK_FALSE(failed.response.has_value());
    CHECK(failed.status() == 0);
}

TEST_CASE("the token is asked for on every attempt", "[retry][client]") {
    auto transport =
        std::make_shared<FakeTransport>(std::deque<AttemptOutcome>{response(503), response(200)});
    FakeClock clock;
    int calls = 0;
    ClientOptions options;
    options.token = [&calls] { return "token-" + std::to_string(++calls); };
    options.environment = clock.environment();
    options.transport = transport;
    WorkflowsClient client(options);

    REQUIRE(client.regenerate_access_key(kWorkflow, KeyType::Primary).ok());
    CHECK(transport->requests.at(0).headers.get("Authorization") == "Bearer token-1");
    CHECK(transport->requests.at(1).headers.get("Authorization") == "Bearer token-2");
}
