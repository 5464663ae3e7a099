// Issue #4: the client's retries seen from both ends. Faults are injected into the in-process
// server with MockAdmin; the client sleeps through an injected sleeper, so nothing really waits;
// the server's journal and key state show what the retries did. Needs server control: against an
// external endpoint every case here is skipped with a warning.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "contract_target.hpp"
#include "logicmock/mock_admin.hpp"
#include "logicmock/mock_server.hpp"

using namespace logicmock;
using namespace logicmock::client;
using logicmock::contract::contract_target;
using logicmock::contract::current_record;
using std::chrono::milliseconds;

namespace {

// A client with the SDK-like default retry policy whose waits are recorded instead of slept.
// The jitter draw is fixed at 0.5, i.e. a factor of exactly 1.0.
WorkflowsClient retrying_client(std::vector<milliseconds>& waits, int max_retries = 3) {
    ClientOptions options = contract_target().make_client().options();
    options.retry = RetryPolicy{};
    options.retry.max_retries = max_retries;
    options.environment.sleep = [&waits](milliseconds delay) { waits.push_back(delay); };
    options.environment.random = [] { return 0.5; };
    return WorkflowsClient(options);
}

// A fault rule that is removed again when the case ends, so later cases in this process (the
// contract binary shares one server) see a server without it.
class ScopedFault {
  public:
    ScopedFault(MockAdmin& admin, const std::string& rule_json)
        : admin_(admin), id_(admin.add_fault(rule_json)) {}
    ~ScopedFault() { admin_.remove_fault(id_); }
    ScopedFault(const ScopedFault&) = delete;
    ScopedFault& operator=(const ScopedFault&) = delete;
    const std::string& id() const { return id_; }

  private:
    MockAdmin& admin_;
    std::string id_;
};

// Matches the contract workflow's regenerateAccessKey only.
std::string regenerate_rule(const std::string& action, int times) {
    return R"({"match":{"operation":"regenerateAccessKey","workflow":")" +
           contract_target().workflow.name + R"("},"action":)" + action + R"(,"times":)" +
           std::to_string(times) + "}";
}

std::uint64_t last_journal_id(const MockAdmin& admin) {
    const auto entries = admin.journal();
    return entries.empty() ? 0 : entries.back().id;
}

std::vector<JournalEntry> regenerations_since(const MockAdmin& admin, std::uint64_t mark) {
    return admin.journal(JournalFilter().by_operation("regenerateAccessKey").after_id(mark));
}

std::string header_of(const JournalEntry& entry, std::string_view name) {
    for (const auto& [key, value] : entry.headers) {
        if (key.size() == name.size() &&
            std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            })) {
            return value;
        }
    }
    return "";
}

}  // namespace

TEST_CASE("a call throttled twice succeeds on its third attempt and rotates the key once",
          "[contract][retry]") {
    if (!contract::has_server_control("injects faults and reads the journal")) return;
    MockAdmin admin(*contract_target().server);
    ScopedFault throttle(admin, regenerate_rule(R"({"preset":"Throttled"})", 2));
    const std::uint64_t mark = last_journal_id(admin);
    const WorkflowRecord before = current_record();

    std::vector<milliseconds> waits;
    auto result =
        retrying_client(waits).regenerate_access_key(contract_target().workflow, KeyType::Primary);

    INFO("outcome: " << to_string(result.kind()));
    REQUIRE(result.ok());
    CHECK(result.attempts == 3);
    CHECK(result.status() == 200);
    // The Throttled preset sends Retry-After: 1, and the client waits exactly that.
    CHECK(waits == std::vector{milliseconds(1000), milliseconds(1000)});

    const auto calls = regenerations_since(admin, mark);
    REQUIRE(calls.size() == 3);
    const std::vector<int> statuses{calls[0].status, calls[1].status, calls[2].status};
    CHECK(statuses == std::vector{429, 429, 200});
    for (const auto& call : calls) {
        CAPTURE(call.id);
        CHECK(header_of(call, "x-ms-client-request-id") == result.client_request_id);
        CHECK(call.body.find("Primary") != std::string::npos);
    }
    for (int i : {0, 1}) {
        CHECK(calls[i].fault_rule == throttle.id());
        CHECK(calls[i].fault_action == "preset:Throttled");
        CHECK(calls[i].error_code == "SubscriptionRequestsThrottled");
    }
    CHECK(calls[2].fault_rule.empty());
    CHECK(calls[2].error_code.empty());

    const WorkflowRecord after = current_record();
    CHECK(after.primary_rotations == before.primary_rotations + 1);
    CHECK(after.primary_key != before.primary_key);
    CHECK(after.secondary_rotations == before.secondary_rotations);
    CHECK(after.secondary_key == before.secondary_key);
}

TEST_CASE("a call that runs out of retries reports the last 429 and rotates nothing",
          "[contract][retry]") {
    if (!contract::has_server_control("injects faults and reads the journal")) return;
    MockAdmin admin(*contract_target().server);
    ScopedFault throttle(admin, regenerate_rule(R"({"preset":"Throttled","retryAfter":3})", 2));
    const std::uint64_t mark = last_journal_id(admin);
    const WorkflowRecord before = current_record();

    std::vector<milliseconds> waits;
    auto result = retrying_client(waits, 1).regenerate_access_key(contract_target().workflow,
                                                                  KeyType::Primary);

    REQUIRE(result.arm_error() != nullptr);
    CHECK(result.status() == 429);
    CHECK(result.arm_error()->code == "SubscriptionRequestsThrottled");
    CHECK(result.response->headers.get("Retry-After") == "3");
    CHECK(result.attempts == 2);
    CHECK(waits == std::vector{milliseconds(3000)});

    const auto calls = regenerations_since(admin, mark);
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].status == 429);
    CHECK(calls[1].status == 429);
    CHECK(header_of(calls[1], "x-ms-client-request-id") == result.client_request_id);
    CHECK(current_record().primary_key == before.primary_key);
    CHECK(current_record().primary_rotations == before.primary_rotations);
}

TEST_CASE("a reset connection is a transport error, retried after back-off, then succeeds",
          "[contract][retry]") {
    if (!contract::has_server_control("injects faults and reads the journal")) return;
    MockAdmin admin(*contract_target().server);
    ScopedFault reset(admin, regenerate_rule(R"({"transport":{"type":"reset"}})", 1));
    const std::uint64_t mark = last_journal_id(admin);
    const WorkflowRecord before = current_record();

    std::vector<milliseconds> waits;
    auto result =
        retrying_client(waits).regenerate_access_key(contract_target().workflow, KeyType::Primary);

    INFO("outcome: " << to_string(result.kind()));
    REQUIRE(result.ok());
    CHECK(result.attempts == 2);
    // No Retry-After without a response: the first back-off step, base_delay x jitter 1.0.
    CHECK(waits == std::vector{RetryPolicy{}.base_delay});

    const auto calls = regenerations_since(admin, mark);
    REQUIRE(calls.size() == 2);
    CHECK(calls[0].status == 0);  // no status line was sent
    CHECK(calls[0].fault_rule == reset.id());
    CHECK(calls[0].fault_action == "transport:reset");
    CHECK(calls[1].status == 200);
    CHECK(header_of(calls[0], "x-ms-client-request-id") == result.client_request_id);
    CHECK(header_of(calls[1], "x-ms-client-request-id") == result.client_request_id);

    const WorkflowRecord after = current_record();
    CHECK(after.primary_rotations == before.primary_rotations + 1);
    CHECK(after.primary_key != before.primary_key);
}

TEST_CASE("without retries a reset connection is an io transport error and rotates nothing",
          "[contract][retry]") {
    if (!contract::has_server_control("injects faults and reads the journal")) return;
    MockAdmin admin(*contract_target().server);
    ScopedFault reset(admin, regenerate_rule(R"({"transport":{"type":"reset"}})", 1));
    const WorkflowRecord before = current_record();

    std::vector<milliseconds> waits;
    auto result = retrying_client(waits, 0).regenerate_access_key(contract_target().workflow,
                                                                  KeyType::Primary);

    REQUIRE(result.transport_error() != nullptr);
    INFO("transport error: " << result.transport_error()->message);
    CHECK(result.transport_error()->kind == TransportError::Kind::Io);
    CHECK_FALSE(result.response.has_value());
    CHECK(result.attempts == 1);
    CHECK(waits.empty());
    CHECK(current_record().primary_key == before.primary_key);
    CHECK(current_record().primary_rotations == before.primary_rotations);
}

TEST_CASE("the client waits out a token-bucket 429 for Retry-After and its retry gets through",
          "[contract][retry][throttling]") {
    // Its own in-process server, so the client's sleeps can move the server's clock: one write
    // token every 2 s, two in the bucket.
    auto clock = std::make_shared<ManualClock>();
    ServerOptions server_options;
    server_options.service.throttling.mode = ThrottleMode::Enforce;
    server_options.service.throttling.principal[1] = {2, 0.5};
    server_options.service.throttling.clock = clock;
    MockServer server(server_options);
    server.start();
    MockAdmin admin(server);

    ClientOptions options;
    options.base_url = server.url();
    options.token = fixed_token("t");
    options.retry = RetryPolicy{};
    std::vector<milliseconds> waits;
    options.environment.sleep = [&](milliseconds delay) {
        waits.push_back(delay);
        clock->advance(delay);
    };
    options.environment.random = [] { return 0.5; };
    WorkflowsClient client(options);
    const Workflow workflow{"34adfa4f-cedf-4dc0-ba29-b6d1a69ab345", "testResourceGroup",
                            "testWorkflowName"};

    std::vector<std::string> remaining;
    for (int i = 0; i < 3; ++i) {
        auto result = client.regenerate_access_key(workflow, KeyType::Primary);
        INFO("outcome: " << to_string(result.kind()));
        REQUIRE(result.ok());
        remaining.push_back(
            std::string(result.response->headers.get("x-ms-ratelimit-remaining-subscription-writes")
                            .value_or("")));
        if (i < 2) CHECK(result.attempts == 1);
        if (i == 2) CHECK(result.attempts == 2);
    }
    CHECK(remaining == std::vector<std::string>{"1", "0", "0"});
    CHECK(waits == std::vector{milliseconds(2000)});  // Retry-After: 2, exactly

    const auto calls = admin.journal(JournalFilter().by_operation("regenerateAccessKey"));
    REQUIRE(calls.size() == 4);
    const std::vector<int> statuses{calls[0].status, calls[1].status, calls[2].status,
                                    calls[3].status};
    CHECK(statuses == std::vector{200, 200, 429, 200});
    CHECK(calls[2].throttled);
    CHECK(calls[2].error_code == "SubscriptionRequestsThrottled");
    CHECK(header_of(calls[2], "x-ms-client-request-id") ==
          header_of(calls[3], "x-ms-client-request-id"));
    CHECK(server.store()
              .find_workflow({workflow.subscription_id, workflow.resource_group, workflow.name})
              ->primary_rotations == 3);

    // Without retries the 429 reaches the caller with ARM's text and Retry-After.
    options.retry.max_retries = 0;
    auto refused = WorkflowsClient(options).regenerate_access_key(workflow, KeyType::Primary);
    REQUIRE(refused.arm_error() != nullptr);
    CHECK(refused.status() == 429);
    CHECK(refused.response->headers.get("Retry-After") == "2");
    CHECK(refused.arm_error()->message ==
          "Number of 'write' requests for subscription '34adfa4f-cedf-4dc0-ba29-b6d1a69ab345' "
          "actor '00000000-0000-0000-0000-000000000000' exceeded. Please try again after '2' "
          "seconds after additional tokens are available. Refer to "
          "https://aka.ms/arm-throttling for additional information.");
}
