// ARM's token buckets as a caller sees them: the x-ms-ratelimit-remaining-* sequence over a burst
// and a refill, the 429 text and Retry-After, where the stage sits among the others, the admin
// API, the bounded map, and concurrent callers on one bucket. Time moves only by ManualClock.

#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "admin/admin_api.hpp"
#include "logicmock/mock_admin.hpp"
#include "pipeline_test_support.hpp"
#include "protocol/caller_principal.hpp"
#include "throttling/throttler.hpp"

using namespace logicmock;
using namespace logicmock::test;
using namespace std::chrono_literals;

namespace {

const std::string kAnonymous = "00000000-0000-0000-0000-000000000000";

struct Throttled {
    explicit Throttled(ThrottleMode mode, BucketLimits writes = {200, 10},
                       ServiceOptions options = {})
        : fixture([&] {
              options.throttling.mode = mode;
              options.throttling.principal[1] = writes;
              options.throttling.clock = clock;
              return options;
          }()) {}
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    ServiceFixture fixture;
    Service& service = fixture.service;
};

std::pair<std::string, std::string> writes(const Response& r) {
    return {header(r, "x-ms-ratelimit-remaining-subscription-writes"),
            header(r, "x-ms-ratelimit-remaining-subscription-global-writes")};
}

Request with_target(std::string method, std::string target) {
    Request r;
    r.method = std::move(method);
    r.target = std::move(target);
    r.headers.add("Authorization", "Bearer test-token");
    return r;
}

Request as_principal(Request r, const std::string& oid) {
    r.headers.set("Authorization", "Bearer " + make_jwt({{"aud", "https://management.azure.com/"},
                                                         {"exp", 4102444800},
                                                         {"oid", oid}}));
    return r;
}

Request admin(const std::string& method, const std::string& target, const std::string& body = "") {
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    return r;
}

std::string throttled_message(const std::string& op, const std::string& actor,
                              const std::string& seconds) {
    return "Number of '" + op + "' requests for subscription '" + kSubscription + "' actor '" +
           actor + "' exceeded. Please try again after '" + seconds +
           "' seconds after additional tokens are available. Refer to "
           "https://aka.ms/arm-throttling for additional information.";
}

}  // namespace

TEST_CASE("fresh buckets answer size - 1, as ARM's 199 / 2999 and 249 / 3749", "[throttling]") {
    Throttled t(ThrottleMode::Count);
    Response post = t.service.handle(regenerate_request());
    REQUIRE(post.status == 200);
    REQUIRE(writes(post) == std::pair<std::string, std::string>{"199", "2999"});
    REQUIRE(header(post, "x-ms-ratelimit-remaining-subscription-reads").empty());

    Response get =
        t.service.handle(with_target("GET", workflow_path() + "?api-version=2019-05-01"));
    REQUIRE(get.status == 200);
    REQUIRE(header(get, "x-ms-ratelimit-remaining-subscription-reads") == "249");
    REQUIRE(header(get, "x-ms-ratelimit-remaining-subscription-global-reads") == "3749");
    REQUIRE(header(get, "x-ms-ratelimit-remaining-subscription-writes").empty());

    Request list_request =
        with_target("POST", workflow_path() + "/listCallbackUrl?api-version=2019-05-01");
    list_request.headers.add("Content-Type", "application/json");
    list_request.body = R"({"keyType":"Primary"})";
    Response list = t.service.handle(list_request);
    REQUIRE(list.status == 200);  // a POST action is a write
    REQUIRE(writes(list) == std::pair<std::string, std::string>{"198", "2998"});

    Response del = t.service.handle(with_target(
        "DELETE",
        workflow_path(kSubscription, kResourceGroup, "gone") + "?api-version=2019-05-01"));
    REQUIRE(header(del, "x-ms-ratelimit-remaining-subscription-deletes") == "199");
    REQUIRE(header(del, "x-ms-ratelimit-remaining-subscription-global-deletes") == "2999");
    REQUIRE(header(del, "x-ms-ratelimit-remaining-subscription-writes").empty());
}

TEST_CASE("count mode: the headers count down over a burst and refill, never a 429",
          "[throttling]") {
    Throttled t(ThrottleMode::Count, {3, 1});
    std::vector<std::pair<std::string, std::string>> seen;
    for (int i = 0; i < 5; ++i) {
        Response r = t.service.handle(regenerate_request());
        REQUIRE(r.status == 200);
        seen.push_back(writes(r));
    }
    // An empty bucket takes nothing: the global one stops falling too.
    REQUIRE(seen == std::vector<std::pair<std::string, std::string>>{
                        {"2", "2999"}, {"1", "2998"}, {"0", "2997"}, {"0", "2997"}, {"0", "2997"}});
    t.clock->advance(999ms);
    REQUIRE(writes(t.service.handle(regenerate_request())) ==
            std::pair<std::string, std::string>{"0", "3000"});  // 0.999 tokens: none taken
    t.clock->advance(1ms);
    // One token back in the principal's bucket; the global one (150/s) is full again.
    REQUIRE(writes(t.service.handle(regenerate_request())) ==
            std::pair<std::string, std::string>{"0", "2999"});
    t.clock->advance(10s);  // more than a full refill: the surplus is discarded
    REQUIRE(writes(t.service.handle(regenerate_request())).first == "2");
    REQUIRE(t.fixture.workflow().primary_rotations == 8);  // count mode refuses nothing
}

TEST_CASE("enforce: an empty bucket answers ARM's 429 with Retry-After and takes no token",
          "[throttling]") {
    Throttled t(ThrottleMode::Enforce, {2, 10});
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
    const auto key = t.fixture.workflow().primary_key;

    Response r = t.service.handle(regenerate_request());
    require_arm_error(r, 429, "SubscriptionRequestsThrottled");
    REQUIRE(error_message(r) == throttled_message("write", kAnonymous, "1"));
    REQUIRE(header(r, "Retry-After") == "1");
    REQUIRE(header(r, "x-ms-failure-cause") == "gateway");
    REQUIRE(writes(r) == std::pair<std::string, std::string>{"0", "2998"});
    REQUIRE(t.fixture.workflow().primary_key == key);  // not processed
    REQUIRE(t.fixture.workflow().primary_rotations == 2);

    // Retrying early is refused again without spending anything; 100 ms at 10/s is one token.
    t.clock->advance(50ms);
    REQUIRE(t.service.handle(regenerate_request()).status == 429);
    t.clock->advance(50ms);
    Response back = t.service.handle(regenerate_request());
    REQUIRE(back.status == 200);
    REQUIRE(writes(back) == std::pair<std::string, std::string>{"0", "2999"});  // 150/s: full
}

TEST_CASE("Retry-After is the whole seconds until a token is back, at least 1", "[throttling]") {
    Throttled t(ThrottleMode::Enforce, {1, 0.25});  // one token every 4 s
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
    Response r = t.service.handle(regenerate_request());
    REQUIRE(header(r, "Retry-After") == "4");
    REQUIRE(error_message(r) == throttled_message("write", kAnonymous, "4"));
    t.clock->advance(2500ms);
    REQUIRE(header(t.service.handle(regenerate_request()), "Retry-After") == "2");  // 1.5 s left
    t.clock->advance(1400ms);
    REQUIRE(header(t.service.handle(regenerate_request()), "Retry-After") == "1");  // 0.1 s left
    t.clock->advance(100ms);
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
}

TEST_CASE("reads, writes and deletes have their own buckets and 429 texts", "[throttling]") {
    ServiceOptions options;
    options.throttling.principal[0] = {1, 1};
    options.throttling.principal[2] = {1, 1};
    Throttled t(ThrottleMode::Enforce, {1, 1}, options);
    const std::string get = workflow_path() + "?api-version=2019-05-01";
    const std::string del =
        workflow_path(kSubscription, kResourceGroup, "gone") + "?api-version=2019-05-01";
    REQUIRE(t.service.handle(with_target("GET", get)).status == 200);
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
    REQUIRE(t.service.handle(with_target("DELETE", del)).status != 429);
    Response r = t.service.handle(with_target("GET", get));
    REQUIRE(error_message(r) == throttled_message("read", kAnonymous, "1"));
    REQUIRE(header(r, "x-ms-ratelimit-remaining-subscription-reads") == "0");
    REQUIRE(error_message(t.service.handle(regenerate_request())) ==
            throttled_message("write", kAnonymous, "1"));
    REQUIRE(error_message(t.service.handle(with_target("DELETE", del))) ==
            throttled_message("delete", kAnonymous, "1"));
}

TEST_CASE("with --auth jwt each oid has its own bucket, all share the global one", "[throttling]") {
    ServiceOptions options;
    options.auth = AuthPolicy::Jwt;
    options.throttling.global[1] = {3, 1};
    Throttled t(ThrottleMode::Enforce, {2, 1}, options);
    const std::string a = "11111111-1111-1111-1111-111111111111";
    const std::string b = "22222222-2222-2222-2222-222222222222";
    REQUIRE(writes(t.service.handle(as_principal(regenerate_request(), a))) ==
            std::pair<std::string, std::string>{"1", "2"});
    REQUIRE(writes(t.service.handle(as_principal(regenerate_request(), a))) ==
            std::pair<std::string, std::string>{"0", "1"});
    Response a3 = t.service.handle(as_principal(regenerate_request(), a));
    REQUIRE(error_message(a3) == throttled_message("write", a, "1"));
    REQUIRE(writes(t.service.handle(as_principal(regenerate_request(), b))) ==
            std::pair<std::string, std::string>{"1", "0"});
    // b still has a token of its own, but the subscription's global bucket is empty.
    Response b2 = t.service.handle(as_principal(regenerate_request(), b));
    require_arm_error(b2, 429, "SubscriptionRequestsThrottled");
    REQUIRE(error_message(b2) == throttled_message("write", b, "1"));
    REQUIRE(writes(b2) == std::pair<std::string, std::string>{"1", "0"});
}

TEST_CASE("principal_from_claims: oid, else appid, else anonymous, junk is ignored",
          "[throttling]") {
    REQUIRE(principal_from_claims({{"oid", "o"}, {"appid", "a"}}).id == "o");
    REQUIRE(principal_from_claims({{"appid", "a"}}).id == "a");
    REQUIRE(principal_from_claims({{"oid", 5}, {"azp", "z"}}).id == "z");
    REQUIRE(principal_from_claims({{"oid", std::string(129, 'x')}}).anonymous());
    REQUIRE(principal_from_claims({{"oid", "a b"}}).anonymous());
    REQUIRE(principal_from_claims(nlohmann::json::array()).anonymous());
}

TEST_CASE("the stage's place: after auth and resource checks, before the body checks",
          "[throttling]") {
    Throttled t(ThrottleMode::Enforce, {1, 1});
    REQUIRE(t.service.handle(regenerate_request()).status == 200);  // the bucket is now empty

    Request no_auth;  // regenerate_request() without the Authorization header
    no_auth.method = "POST";
    no_auth.target = regenerate_target();
    no_auth.headers.add("Content-Type", "application/json");
    no_auth.body = R"({"keyType":"Primary"})";
    require_arm_error(t.service.handle(no_auth), 401, "AuthenticationFailed");
    Request no_version = regenerate_request();
    no_version.target = workflow_path() + "/regenerateAccessKey";
    require_arm_error(t.service.handle(no_version), 400, "MissingApiVersionParameter");
    Request no_group = regenerate_request();
    no_group.target =
        workflow_path(kSubscription, "nope") + "/regenerateAccessKey?api-version=2019-05-01";
    require_arm_error(t.service.handle(no_group), 404, "ResourceGroupNotFound");

    // ARM throttles before the resource provider reads the body or finds the workflow.
    Request bad_body = regenerate_request("{not json");
    require_arm_error(t.service.handle(bad_body), 429, "SubscriptionRequestsThrottled");
    Request missing = regenerate_request();
    missing.target = workflow_path(kSubscription, kResourceGroup, "nope") +
                     "/regenerateAccessKey?api-version=2019-05-01";
    require_arm_error(t.service.handle(missing), 429, "SubscriptionRequestsThrottled");

    // Answers decided before the stage report the bucket without taking from it.
    t.clock->advance(1s);
    Response unauthorized = t.service.handle(no_auth);
    REQUIRE(writes(unauthorized) == std::pair<std::string, std::string>{"1", "3000"});
    Response not_found = t.service.handle(missing);
    require_arm_error(not_found, 404, "ResourceNotFound");  // charged, like any RP answer
    REQUIRE(writes(not_found) == std::pair<std::string, std::string>{"0", "2999"});
}

TEST_CASE("fault rules win over throttling, the journal marks throttled requests",
          "[throttling][journal]") {
    Throttled t(ThrottleMode::Enforce, {1, 1});
    MockAdmin mock(t.service);
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
    mock.add_fault(R"({"action":{"preset":"InternalServerError"},"times":1})");
    Response faulted = t.service.handle(regenerate_request());
    require_arm_error(faulted, 500, "InternalServerError");
    Response throttled = t.service.handle(regenerate_request());
    require_arm_error(throttled, 429, "SubscriptionRequestsThrottled");

    auto entries = mock.journal();
    REQUIRE(entries.size() == 3);
    REQUIRE_FALSE(entries[0].throttled);
    REQUIRE_FALSE(entries[1].throttled);
    REQUIRE(entries[1].fault_action == "preset:InternalServerError");
    REQUIRE(entries[2].throttled);
    REQUIRE(entries[2].status == 429);
    REQUIRE(entries[2].fault_rule.empty());
    auto listed =
        nlohmann::json::parse(handle_admin(t.service, admin("GET", "/_mock/journal")).body);
    REQUIRE(listed["value"][2]["throttled"] == true);
    REQUIRE(listed["value"][1]["throttled"] == false);
}

TEST_CASE("off: the legacy constant header, no global headers, no buckets, no 429",
          "[throttling]") {
    Throttled t(ThrottleMode::Off, {1, 1});
    for (int i = 0; i < 3; ++i) {
        Response r = t.service.handle(regenerate_request());
        REQUIRE(r.status == 200);
        REQUIRE(writes(r) == std::pair<std::string, std::string>{"1199", ""});
    }
    Response get =
        t.service.handle(with_target("GET", workflow_path() + "?api-version=2019-05-01"));
    REQUIRE(header(get, "x-ms-ratelimit-remaining-subscription-reads") == "11999");
    REQUIRE(header(get, "x-ms-ratelimit-remaining-subscription-global-reads").empty());
    REQUIRE(t.service.throttling().bucket_count() == 0);
}

TEST_CASE("admin: GET /_mock/throttling, PATCH settings at run time, reset refills",
          "[throttling][admin]") {
    Throttled t(ThrottleMode::Count, {5, 1});
    t.service.handle(regenerate_request());
    t.service.handle(regenerate_request());
    Response got = handle_admin(t.service, admin("GET", "/_mock/throttling"));
    REQUIRE(got.status == 200);
    auto j = nlohmann::json::parse(got.body);
    REQUIRE(j["mode"] == "count");
    REQUIRE(j["limits"]["writes"] == nlohmann::json{{"size", 5}, {"refillPerSecond", 1.0}});
    REQUIRE(j["limits"]["globalReads"] ==
            nlohmann::json{{"size", 3750}, {"refillPerSecond", 375.0}});
    REQUIRE(j["bucketCount"] == 2);
    REQUIRE(j["buckets"][0] == nlohmann::json{{"subscription", kSubscription},
                                              {"actor", kAnonymous},
                                              {"operation", "writes"},
                                              {"scope", "principal"},
                                              {"remaining", 3},
                                              {"size", 5}});
    REQUIRE(j["buckets"][1]["scope"] == "global");
    REQUIRE(j["buckets"][1]["actor"].is_null());
    REQUIRE(j["buckets"][1]["remaining"] == 2998);

    // Admin calls are not counted.
    REQUIRE(nlohmann::json::parse(handle_admin(t.service, admin("GET", "/_mock/throttling"))
                                      .body)["buckets"][0]["remaining"] == 3);

    Response patched = handle_admin(
        t.service, admin("PATCH", "/_mock/throttling",
                         R"({"mode":"enforce","limits":{"writes":{"size":2}},"maxBuckets":50})"));
    REQUIRE(patched.status == 200);
    auto p = nlohmann::json::parse(patched.body);
    REQUIRE(p["mode"] == "enforce");
    REQUIRE(p["maxBuckets"] == 50);
    REQUIRE(p["limits"]["writes"]["refillPerSecond"] == 1.0);  // untouched fields stay
    REQUIRE(p["buckets"][0]["remaining"] == 2);                // clamped to the new size
    REQUIRE(writes(t.service.handle(regenerate_request())).first == "1");
    REQUIRE(writes(t.service.handle(regenerate_request())).first == "0");
    REQUIRE(t.service.handle(regenerate_request()).status == 429);

    REQUIRE(handle_admin(t.service, admin("POST", "/_mock/throttling/reset")).status == 204);
    REQUIRE(writes(t.service.handle(regenerate_request())).first == "1");
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
    REQUIRE(t.service.handle(regenerate_request()).status == 429);
    REQUIRE(handle_admin(t.service, admin("POST", "/_mock/reset")).status == 204);
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
}

TEST_CASE("admin: invalid settings are 400 InvalidThrottlingSettings and change nothing",
          "[throttling][admin]") {
    Throttled t(ThrottleMode::Count);
    for (auto [body, problem] : std::vector<std::pair<std::string, std::string>>{
             {R"({"mode":"loud"})", "at $.mode: expected one of 'off', 'count', 'enforce'"},
             {R"({"limits":{"writes":{"size":0}}})",
              "at $.limits.writes: size must be a whole number from 1 to 1e9"},
             {R"({"limits":{"writes":{"refillPerSecond":0}}})",
              "at $.limits.writes: refillPerSecond must be a number from 0.001 to 1e6"},
             {R"({"limits":{"tenantReads":{"size":1}}})",
              "at $.limits.tenantReads: unknown limit; known: reads, writes, deletes, "
              "globalReads, globalWrites, globalDeletes"},
             {R"({"mode":"enforce","maxBuckets":1})",
              "at $.maxBuckets: expected a whole number from 2 to 10000000"},
             {"[]", "at $: expected an object"},
         }) {
        INFO(body);
        Response r = handle_admin(t.service, admin("PATCH", "/_mock/throttling", body));
        require_arm_error(r, 400, "InvalidThrottlingSettings");
        REQUIRE(error_message(r) == "The throttling settings are invalid: " + problem);
    }
    REQUIRE(handle_admin(t.service, admin("PATCH", "/_mock/throttling", "{")).status == 400);
    auto j = nlohmann::json::parse(handle_admin(t.service, admin("GET", "/_mock/throttling")).body);
    REQUIRE(j["mode"] == "count");
    REQUIRE(j["limits"]["writes"]["size"] == 200);
    REQUIRE_THROWS_AS(MockAdmin(t.service).set_throttling(R"({"mode":1})"),
                      ThrottlingSettingsError);
}

TEST_CASE("the bucket map is bounded: the least recently used bucket is forgotten",
          "[throttling]") {
    ServiceOptions options;
    options.auth = AuthPolicy::Jwt;
    options.throttling.max_buckets = 10;
    Throttled t(ThrottleMode::Enforce, {1, 1}, options);
    const auto oid = [](int i) { return "principal-" + std::to_string(i); };
    REQUIRE(t.service.handle(as_principal(regenerate_request(), oid(0))).status == 200);
    REQUIRE(t.service.handle(as_principal(regenerate_request(), oid(0))).status == 429);
    for (int i = 1; i <= 1000; ++i) {
        REQUIRE(t.service.handle(as_principal(regenerate_request(), oid(i))).status == 200);
        REQUIRE(t.service.throttling().bucket_count() <= 10);
    }
    // The global bucket is used by every request, so it stays; principal 0's was forgotten.
    Response again = t.service.handle(as_principal(regenerate_request(), oid(0)));
    REQUIRE(again.status == 200);
    REQUIRE(writes(again) == std::pair<std::string, std::string>{"0", "1998"});
}

TEST_CASE("the runtime host and admin routes are not counted", "[throttling]") {
    Throttled t(ThrottleMode::Enforce, {1, 1});
    Request invoke = with_target(
        "POST",
        "/workflows/abc/triggers/manual/paths/invoke?api-version=2016-10-01&sp=x&sv=1.0&sig=y");
    Response r = t.service.handle(invoke);
    REQUIRE(r.status != 429);
    REQUIRE(header(r, "x-ms-ratelimit-remaining-subscription-writes").empty());
    handle_admin(t.service, admin("GET", "/_mock/journal"));
    REQUIRE(t.service.throttling().bucket_count() == 0);
    REQUIRE(t.service.handle(regenerate_request()).status == 200);
}

TEST_CASE("8 threads on one bucket never over-spend it, with refills racing the requests",
          "[throttling][concurrency]") {
    Throttled t(ThrottleMode::Enforce, {100, 10});
    std::atomic<int> ok{0}, throttled{0}, other{0};
    auto hammer = [&](int per_thread) {
        std::vector<std::thread> threads;
        for (int i = 0; i < 8; ++i) {
            threads.emplace_back([&, per_thread] {  // hammer returns before the threads end
                for (int n = 0; n < per_thread; ++n) {
                    const int status = t.service.handle(regenerate_request()).status;
                    (status == 200 ? ok : status == 429 ? throttled : other)++;
                }
            });
        }
        return threads;
    };
    auto join = [](std::vector<std::thread>& threads) {
        for (auto& th : threads) th.join();
    };

    auto burst = hammer(50);  // 400 requests, 100 tokens
    join(burst);
    REQUIRE(ok == 100);
    REQUIRE(throttled == 300);

    // 50 refills of one token each race the requests; the bucket never fills, so none is lost.
    auto racing = hammer(100);
    for (int i = 0; i < 50; ++i) {
        t.clock->advance(100ms);
        std::this_thread::yield();
    }
    join(racing);
    auto tail = hammer(10);  // spends what the last refills left
    join(tail);
    REQUIRE(other == 0);
    REQUIRE(ok == 150);
    REQUIRE(ok + throttled == 400 + 800 + 80);
    REQUIRE(t.fixture.workflow().primary_rotations == 150);
}
