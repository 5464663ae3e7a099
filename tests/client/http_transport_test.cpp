// The client over real sockets, against a stub server on 127.0.0.1 that returns crafted
// responses. The fake clock keeps retries from really sleeping.
#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "fake_transport.hpp"
#include "stub_server.hpp"

using namespace logicmock::client;
using namespace logicmock::client::testing;
using std::chrono::milliseconds;

namespace {

ClientOptions stub_options(const std::string& base_url, FakeClock& clock) {
    ClientOptions options;
    options.base_url = base_url;
    options.token = fixed_token("stub-token");
    options.environment = clock.environment();
    options.timeouts.connect = milliseconds(2000);
    options.timeouts.read = milliseconds(2000);
    return options;
}

}  // namespace

TEST_CASE("429 with Retry-After, then 200, over HTTP", "[http][retry]") {
    std::atomic<int> calls{0};
    StubServer stub([&](const HttpRequest&) {
        if (calls++ == 0) {
            return response(429,
                            R"({"error":{"code":"SubscriptionRequestsThrottled","message":"m"}})",
                            {{"Retry-After", "1"}, {"Content-Type", "application/json"}});
        }
        return response(200);
    });
    FakeClock clock;
    WorkflowsClient client(stub_options(stub.url(), clock));

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(result.ok());
    CHECK(result.attempts == 2);
    CHECK(clock.sleeps == std::vector{milliseconds(1000)});

    auto requests = stub.requests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].target == action_target(kWorkflow, "regenerateAccessKey"));
    CHECK(requests[0].headers.get("x-ms-client-request-id") == result.client_request_id);
    CHECK(requests[1].headers.get("x-ms-client-request-id") == result.client_request_id);
    CHECK(requests[0].headers.get("Authorization") == "Bearer stub-token");
    CHECK(requests[0].body == R"({"keyType":"Primary"})");
}

TEST_CASE("a malformed error body over HTTP is a contract error", "[http][contract-check]") {
    StubServer stub([](const HttpRequest&) {
        return response(409, R"({"error":{"message":"no code"}})",
                        {{"Content-Type", "application/json"}, {"x-ms-request-id", "r1"}});
    });
    FakeClock clock;
    WorkflowsClient client(stub_options(stub.url(), clock));

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(result.contract_error());
    CHECK(result.contract_error()->status == 409);
    CHECK(result.contract_error()->path == "error");
    CHECK(result.response->headers.get("x-ms-request-id") == "r1");
}

TEST_CASE("a closed port is a connect failure, retried, never an HTTP error", "[http][transport]") {
    FakeClock clock;
    WorkflowsClient client(
        stub_options("http://127.0.0.1:" + std::to_string(closed_port()), clock));

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(result.transport_error());
    CHECK(result.transport_error()->kind == TransportError::Kind::Connect);
    CHECK(result.attempts == 4);
    CHECK(clock.sleeps.size() == 3);
    CHECK_FALSE(result.response.has_value());
}

TEST_CASE("no answer within the read timeout is a timeout", "[http][transport]") {
    StubServer stub([](const HttpRequest&) {
        std::this_thread::sleep_for(milliseconds(700));
        return response(200);
    });
    FakeClock clock;
    ClientOptions options = stub_options(stub.url(), clock);
    options.timeouts.read = milliseconds(200);
    options.retry.max_retries = 0;
    WorkflowsClient client(options);

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(result.transport_error());
    CHECK(result.transport_error()->kind == TransportError::Kind::Timeout);
}

TEST_CASE("https to a plain HTTP server is a TLS failure", "[http][transport]") {
    StubServer stub([](const HttpRequest&) { return response(200); });
    FakeClock clock;
    ClientOptions options = stub_options("https://127.0.0.1:" + std::to_string(stub.port()), clock);
    options.retry.max_retries = 0;
    WorkflowsClient client(options);

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(result.transport_error());
    CHECK(result.transport_error()->kind == TransportError::Kind::Tls);
}

TEST_CASE("trigger callback URL over HTTP: empty body, no Content-Type, typed result",
          "[http][callback]") {
    StubServer stub([](const HttpRequest&) {
        return response(
            200,
            R"({"value":"https://h/workflows/w/triggers/manual/paths/invoke?sig=s","method":"POST","queries":{"sig":"s","sv":"1.0"}})",
            {{"Content-Type", "application/json; charset=utf-8"}});
    });
    FakeClock clock;
    WorkflowsClient client(stub_options(stub.url() + "/prefix/", clock));

    auto result = client.list_trigger_callback_url(kWorkflow, "manual");
    REQUIRE(result.ok());
    CHECK(result.value().queries.at("sig") == "s");

    auto requests = stub.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].target ==
          "/prefix" + action_target(kWorkflow, "triggers/manual/listCallbackUrl"));
    CHECK(requests[0].body.empty());
    CHECK(requests[0].headers.get("Content-Length").value_or("0") == "0");
    CHECK_FALSE(requests[0].headers.contains("Content-Type"));
}
