// Fault rules through Service::handle, without sockets: what a caller observes for each action,
// the policies (times, after, probability with seed, priority), the x-mock-fault header and the
// refusal of bad rules and files.

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "app/cli_options.hpp"
#include "faults/fault_presets.hpp"
#include "logicmock/mock_admin.hpp"
#include "logicmock/schema_validator.hpp"
#include "pipeline_test_support.hpp"
#include "util/glob.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

std::string refusal(const std::string& rule_json) {
    ServiceFixture f;
    try {
        MockAdmin(f.service).add_fault(rule_json);
    } catch (const FaultRuleError& e) {
        return e.what();
    }
    return "";
}

// The statuses of n identical requests.
std::vector<int> statuses(Service& service, int n, const Request& request = regenerate_request()) {
    std::vector<int> out;
    for (int i = 0; i < n; ++i) out.push_back(service.handle(request).status);
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("Throttled: 429 SubscriptionRequestsThrottled with ARM's text and Retry-After",
          "[faults]") {
    ServiceFixture f;
    auto before = f.workflow();
    MockAdmin(f.service).add_fault(
        R"({"match":{"operation":"regenerateAccessKey"},"action":{"preset":"Throttled","retryAfter":7}})");
    Response r = f.service.handle(regenerate_request());
    require_arm_error(r, 429, "SubscriptionRequestsThrottled");
    REQUIRE(error_message(r) ==
            "Number of requests for subscription '" + kSubscription +
                "' and operation "
                "'POST/SUBSCRIPTIONS/RESOURCEGROUPS/PROVIDERS/MICROSOFT.LOGIC/WORKFLOWS/"
                "REGENERATEACCESSKEY' exceeded the backend storage limit. Please try again after "
                "'7' seconds.");
    REQUIRE(header(r, "Retry-After") == "7");
    REQUIRE(header(r, "x-ms-failure-cause") == "gateway");
    REQUIRE_FALSE(header(r, "x-ms-request-id").empty());
    // An injected error stands in for the operation: the key did not change.
    REQUIRE(f.workflow().primary_key == before.primary_key);
    REQUIRE(f.workflow().primary_rotations == before.primary_rotations);
}

TEST_CASE("every preset answers with its status and code and a valid ErrorResponse", "[faults]") {
    const std::map<std::string, std::pair<int, std::string>> expected{
        {"Throttled", {429, "SubscriptionRequestsThrottled"}},
        {"InternalServerError", {500, "InternalServerError"}},
        {"ServiceUnavailable", {503, "ServiceUnavailable"}},
        {"GatewayTimeout", {504, "GatewayTimeout"}},
        {"AuthorizationFailed", {403, "AuthorizationFailed"}},
        {"ResourceNotFound", {404, "ResourceNotFound"}},
        {"Conflict", {409, "Conflict"}},
    };
    REQUIRE(fault_preset_names().size() == expected.size());
    for (auto name : fault_preset_names()) {
        const auto& [status, code] = expected.at(std::string(name));
        ServiceFixture f;
        Request request = regenerate_request();
        request.headers.add("x-mock-fault", std::string(name));
        INFO(name);
        require_arm_error(f.service.handle(request), status, code);
    }
}

TEST_CASE("the schema's preset list and the catalogue's agree", "[faults]") {
    auto schema = nlohmann::json::parse(
        read_file(std::string(LOGICMOCK_FIXTURES_DIR) + "/../schemas/fault-rules.schema.json"));
    auto names = schema["definitions"]["Action"]["properties"]["preset"]["enum"];
    REQUIRE(names.size() == fault_preset_names().size());
    for (auto name : fault_preset_names()) {
        REQUIRE(std::find(names.begin(), names.end(), std::string(name)) != names.end());
    }
}

TEST_CASE("AuthorizationFailed names the caller, the action and the workflow scope", "[faults]") {
    ServiceFixture f;
    Request request = regenerate_request();
    request.headers.set("Authorization",
                        "Bearer " + make_jwt({{"upn", "ci@contoso.com"},
                                              {"oid", "11111111-2222-3333-4444-555555555555"},
                                              {"exp", 4102444800}}));
    request.headers.add("x-mock-fault", "AuthorizationFailed");
    Response r = f.service.handle(request);
    require_arm_error(r, 403, "AuthorizationFailed");
    REQUIRE(error_message(r) ==
            "The client 'ci@contoso.com' with object id '11111111-2222-3333-4444-555555555555' "
            "does not have authorization to perform action "
            "'Microsoft.Logic/workflows/regenerateAccessKey/action' over scope '" +
                workflow_path() +
                "' or the scope is invalid. If access was recently granted, please refresh your "
                "credentials.");
    REQUIRE(header(r, "x-ms-failure-cause") == "gateway");
}

TEST_CASE("a custom ErrorResponse is sent as given, with its headers", "[faults]") {
    ServiceFixture f;
    MockAdmin(f.service).add_fault(
        R"({"action":{"error":{"status":409,"code":"Busy","message":"Try later.","target":"keyType",
            "details":[{"code":"Inner","message":"x"}],"headers":{"Retry-After":"2","x-extra":"1"}}}})");
    Response r = f.service.handle(regenerate_request());
    require_arm_error(r, 409, "Busy");
    REQUIRE(body_json(r) ==
            nlohmann::json::parse(
                R"({"error":{"code":"Busy","message":"Try later.","target":"keyType",
                                    "details":[{"code":"Inner","message":"x"}]}})"));
    REQUIRE(header(r, "Retry-After") == "2");
    REQUIRE(header(r, "x-extra") == "1");
}

TEST_CASE("a rule whose body would not pass the ErrorResponse schema is refused", "[faults]") {
    std::string why =
        refusal(R"({"action":{"error":{"status":400,"code":"","message":"empty code"}}})");
    REQUIRE_THAT(why, Catch::StartsWith("fault rule: at $.action.error: the body would not pass "
                                        "the ErrorResponse schema (at $.error.code: "));
}

TEST_CASE("bad rules are refused with the JSON path and the problem", "[faults]") {
    REQUIRE_THAT(refusal(R"({"action":{"preset":"Slow"}})"),
                 Catch::StartsWith("fault rule: at $.action.preset: The value \"Slow\" is not one "
                                   "of the allowed values 'Throttled', "));
    REQUIRE(
        refusal(
            R"({"action":{"preset":"Throttled","error":{"status":500,"code":"x","message":"y"}}})") ==
        "fault rule: at $.action: use 'preset' or 'error', not both.");
    REQUIRE_THAT(
        refusal(R"({"action":{"error":{"status":500,"code":"x","message":"y"},"retryAfter":1}})"),
        Catch::StartsWith("fault rule: at $.action.retryAfter: retryAfter goes with a preset"));
    REQUIRE(refusal(R"({"action":{"transport":{"type":"hold"}}})") ==
            "fault rule: at $.action.transport: type 'hold' needs holdMs.");
    REQUIRE(refusal(R"({"action":{"transport":{"type":"reset"},"preset":"Throttled"}})") ==
            "fault rule: at $.action: a transport fault of type 'reset', 'close' or 'hold' sends "
            "no response, so it takes no 'preset' or 'error'.");
    REQUIRE(refusal(R"({"action":{"delayMs":{"min":50,"max":10}}})") ==
            "fault rule: at $.action.delayMs: min is larger than max.");
    REQUIRE_THAT(refusal(R"({"action":{}})"), Catch::StartsWith("fault rule: at $.action: "));
    REQUIRE_THAT(refusal(R"({"action":{"preset":"Throttled"},"probability":1.5})"),
                 Catch::StartsWith("fault rule: at $.probability: "));
    REQUIRE_THAT(refusal(R"({"action":{"preset":"Throttled"},"times":0})"),
                 Catch::StartsWith("fault rule: at $.times: "));
    REQUIRE_THAT(refusal(R"({"action":{"preset":"Throttled"},"match":{"colour":"red"}})"),
                 Catch::StartsWith("fault rule: at $.match: The property 'colour' is not allowed"));
    REQUIRE_THAT(
        refusal(
            R"({"action":{"error":{"status":500,"code":"x","message":"y","headers":{"Bad":"a\r\nb"}}}})"),
        Catch::StartsWith("fault rule: at $.action.error.headers.Bad: "));
    REQUIRE_THAT(refusal("{not json"), Catch::StartsWith("fault rule: at $: "));
    REQUIRE(refusal(R"({"action":{"preset":"Throttled"}})").empty());
}

TEST_CASE("times: a rule fires that many times, then requests succeed", "[faults]") {
    ServiceFixture f;
    MockAdmin(f.service).add_fault(R"({"action":{"preset":"Throttled"},"times":2})");
    REQUIRE(statuses(f.service, 4) == std::vector<int>{429, 429, 200, 200});
}

TEST_CASE("after: a rule lets that many matching requests through first", "[faults]") {
    ServiceFixture f;
    MockAdmin(f.service).add_fault(
        R"({"action":{"preset":"ServiceUnavailable"},"after":2,"times":1})");
    REQUIRE(statuses(f.service, 4) == std::vector<int>{200, 200, 503, 200});
}

TEST_CASE("probability with a seed: the same seed hits the same requests", "[faults]") {
    const std::string rule =
        R"({"action":{"preset":"InternalServerError"},"probability":0.5,"seed":12345})";
    ServiceFixture a, b, c;
    MockAdmin(a.service).add_fault(rule);
    MockAdmin(b.service).add_fault(rule);
    MockAdmin(c.service).add_fault(
        R"({"action":{"preset":"InternalServerError"},"probability":0.5,"seed":54321})");
    auto first = statuses(a.service, 40);
    REQUIRE(statuses(b.service, 40) == first);
    REQUIRE(statuses(c.service, 40) != first);
    const auto hits = std::count(first.begin(), first.end(), 500);
    REQUIRE(hits > 0);
    REQUIRE(hits < 40);
}

TEST_CASE("a rule without a seed reports the seed it drew, which replays its hits", "[faults]") {
    ServiceFixture a;
    MockAdmin admin(a.service);
    admin.add_fault(R"({"action":{"preset":"InternalServerError"},"probability":0.5})");
    auto listed = nlohmann::json::parse(admin.faults_json())["value"][0];
    auto first = statuses(a.service, 30);
    ServiceFixture b;
    MockAdmin(b.service).add_fault(
        R"({"action":{"preset":"InternalServerError"},"probability":0.5,"seed":)" +
        std::to_string(listed["seed"].get<std::uint64_t>()) + "}");
    REQUIRE(statuses(b.service, 30) == first);
}

TEST_CASE("priority: the highest-priority rule that would fire wins, ties go to the first",
          "[faults]") {
    ServiceFixture f;
    MockAdmin admin(f.service);
    admin.add_fault(R"({"action":{"preset":"Conflict"},"priority":1})");
    admin.add_fault(R"({"action":{"preset":"GatewayTimeout"},"priority":5,"times":1})");
    admin.add_fault(R"({"action":{"preset":"ServiceUnavailable"},"priority":1})");
    REQUIRE(statuses(f.service, 3) == std::vector<int>{504, 409, 409});
    auto listed = nlohmann::json::parse(admin.faults_json())["value"];
    REQUIRE(listed[0]["fired"] == 2);
    REQUIRE(listed[1]["fired"] == 1);
    REQUIRE(listed[2]["fired"] == 0);
    REQUIRE(listed[2]["matched"] == 3);
}

TEST_CASE("match: operation, method, names (globs, any case), keyType and a header", "[faults]") {
    auto hit = [](const std::string& match, const Request& request) {
        ServiceFixture f;
        MockAdmin(f.service).add_fault(R"({"action":{"preset":"Conflict"},"match":)" + match + "}");
        return f.service.handle(request).status == 409;
    };
    const Request plain = regenerate_request();
    REQUIRE(hit(R"({"operation":"regenerateAccessKey"})", plain));
    REQUIRE(hit(R"({"operation":"Workflows_RegenerateAccessKey"})", plain));
    REQUIRE(hit(R"({"operation":"REGENERATE*"})", plain));
    REQUIRE_FALSE(hit(R"({"operation":"listCallbackUrl"})", plain));
    REQUIRE(hit(R"({"method":"post"})", plain));
    REQUIRE_FALSE(hit(R"({"method":"GET"})", plain));
    REQUIRE(hit(R"({"subscription":"34ADFA4F-*"})", plain));
    REQUIRE(hit(R"({"resourceGroup":"testresourcegroup"})", plain));
    REQUIRE(hit(R"({"workflow":"test?orkflowName"})", plain));
    REQUIRE_FALSE(hit(R"({"workflow":"other"})", plain));
    REQUIRE(hit(R"({"keyType":"Primary"})", plain));
    REQUIRE_FALSE(hit(R"({"keyType":"Secondary"})", plain));
    REQUIRE(hit(R"({"keyType":"NotSpecified"})", regenerate_request("{}")));
    REQUIRE_FALSE(hit(R"({"keyType":"Primary"})", regenerate_request("{not json")));
    Request tagged = regenerate_request();
    tagged.headers.add("X-Test-Case", "reset-42");
    REQUIRE(hit(R"({"header":{"name":"x-test-case","value":"reset-*"}})", tagged));
    REQUIRE(hit(R"({"header":{"name":"x-test-case"}})", tagged));
    REQUIRE_FALSE(hit(R"({"header":{"name":"x-test-case"}})", plain));
}

TEST_CASE("faults apply after resource lookup and authentication, before body checks", "[faults]") {
    ServiceFixture f;
    MockAdmin(f.service).add_fault(R"({"action":{"preset":"Throttled"}})");
    Request missing = regenerate_request();
    missing.target = workflow_path(kSubscription, kResourceGroup, "nope") +
                     "/regenerateAccessKey?api-version=2019-05-01";
    require_arm_error(f.service.handle(missing), 404, "ResourceNotFound");
    Request anonymous = regenerate_request();
    anonymous.headers = Headers{};
    anonymous.headers.add("Content-Type", "application/json");
    require_arm_error(f.service.handle(anonymous), 401, "AuthenticationFailed");
    // A body that would fail validation is throttled, as at ARM's gateway.
    require_arm_error(f.service.handle(regenerate_request(R"({"keyType":"Tertiary"})")), 429,
                      "SubscriptionRequestsThrottled");
}

TEST_CASE("transport faults are decided in the core and leave state alone", "[faults]") {
    ServiceFixture f;
    auto before = f.workflow();
    MockAdmin admin(f.service);
    admin.add_fault(R"({"action":{"transport":{"type":"reset"}},"times":1})");
    admin.add_fault(R"({"action":{"transport":{"type":"hold","holdMs":250}},"times":1,"after":1})");
    admin.add_fault(
        R"({"action":{"transport":{"type":"partialBody","bytes":9},"preset":"Conflict"},"after":2})");
    Response reset = f.service.handle(regenerate_request());
    REQUIRE(reset.transport_fault);
    REQUIRE(reset.transport_fault->kind == TransportFaultKind::Reset);
    Response hold = f.service.handle(regenerate_request());
    REQUIRE(hold.transport_fault->kind == TransportFaultKind::Hold);
    REQUIRE(hold.transport_fault->hold_ms == 250);
    Response partial = f.service.handle(regenerate_request());
    REQUIRE(partial.transport_fault->kind == TransportFaultKind::PartialBody);
    REQUIRE(partial.transport_fault->body_bytes == 9);
    require_arm_error(partial, 409, "Conflict");
    REQUIRE(f.workflow().primary_rotations == before.primary_rotations);
}

TEST_CASE("partialBody without bytes cuts the body in half, and always short", "[faults]") {
    ServiceFixture f;
    Request request = regenerate_request();
    request.headers.add("x-mock-fault", R"({"transport":{"type":"partialBody"}})");
    Response half = f.service.handle(request);
    require_arm_error(half, 500, "InternalServerError");
    REQUIRE(half.transport_fault->body_bytes == half.body.size() / 2);
    request.headers.set("x-mock-fault", R"({"transport":{"type":"partialBody","bytes":100000}})");
    Response most = f.service.handle(request);
    REQUIRE(most.transport_fault->body_bytes == most.body.size() - 1);
}

TEST_CASE("delay: fixed, or uniform within bounds, and the request still succeeds", "[faults]") {
    ServiceFixture f;
    MockAdmin admin(f.service);
    const std::string id = admin.add_fault(R"({"action":{"delayMs":120}})");
    Response fixed = f.service.handle(regenerate_request());
    REQUIRE(fixed.status == 200);
    REQUIRE(fixed.delay_ms == 120);
    REQUIRE_FALSE(fixed.transport_fault);
    REQUIRE(f.workflow().primary_rotations == 1);
    admin.remove_fault(id);
    admin.add_fault(R"({"action":{"delayMs":{"min":10,"max":20}},"seed":3})");
    std::set<int> seen;
    for (int i = 0; i < 50; ++i) {
        Response r = f.service.handle(regenerate_request());
        REQUIRE(r.delay_ms >= 10);
        REQUIRE(r.delay_ms <= 20);
        seen.insert(r.delay_ms);
    }
    REQUIRE(seen.size() > 1);
}

TEST_CASE("x-mock-fault: a preset or a JSON action for this request only", "[faults]") {
    ServiceFixture f;
    Request request = regenerate_request();
    request.headers.add("x-mock-fault", "Throttled");
    require_arm_error(f.service.handle(request), 429, "SubscriptionRequestsThrottled");
    REQUIRE(f.service.handle(regenerate_request()).status == 200);

    request.headers.set("x-mock-fault",
                        R"({"error":{"status":418,"code":"Teapot","message":"short and stout"}})");
    require_arm_error(f.service.handle(request), 418, "Teapot");

    request.headers.set("x-mock-fault", "Slowly");
    Response bad = f.service.handle(request);
    require_arm_error(bad, 400, "InvalidMockFaultHeader");
    REQUIRE_THAT(error_message(bad), Catch::Contains("'Slowly' is neither a preset"));
    request.headers.set("x-mock-fault", R"({"preset":"Nope"})");
    REQUIRE_THAT(error_message(f.service.handle(request)),
                 Catch::Contains("x-mock-fault: at $.preset: "));
}

TEST_CASE("x-mock-fault wins over rules, which do not count that request", "[faults]") {
    ServiceFixture f;
    MockAdmin admin(f.service);
    admin.add_fault(R"({"action":{"preset":"Conflict"},"times":1})");
    Request request = regenerate_request();
    request.headers.add("x-mock-fault", "GatewayTimeout");
    REQUIRE(f.service.handle(request).status == 504);
    REQUIRE(f.service.handle(regenerate_request()).status == 409);
}

TEST_CASE("x-mock-fault is ignored with --no-admin and needs the admin token when one is set",
          "[faults]") {
    ServiceOptions off;
    off.admin_enabled = false;
    ServiceFixture disabled(off);
    Request request = regenerate_request();
    request.headers.add("x-mock-fault", "Throttled");
    REQUIRE(disabled.service.handle(request).status == 200);

    ServiceOptions guarded;
    guarded.admin_token = "admin-secret";
    ServiceFixture f(guarded);
    REQUIRE(f.service.handle(request).status == 200);
    request.headers.add("x-mock-admin-token", "wrong");
    REQUIRE(f.service.handle(request).status == 200);
    request.headers.set("x-mock-admin-token", "admin-secret");
    REQUIRE(f.service.handle(request).status == 429);
}

TEST_CASE("the sample fault files load, and a file's rules are active from the start", "[faults]") {
    for (const char* name :
         {"throttle-twice", "chaos", "secondary-forbidden", "transport", "custom-error"}) {
        INFO(name);
        REQUIRE(load_fault_file(std::string(LOGICMOCK_FIXTURES_DIR) + "/faults/" + name + ".json"));
    }
    ServiceOptions options;
    options.faults =
        load_fault_file(std::string(LOGICMOCK_FIXTURES_DIR) + "/faults/custom-error.json");
    ServiceFixture f(options);
    auto seen = statuses(f.service, 3);
    REQUIRE(seen == std::vector<int>{200, 409, 200});
}

TEST_CASE("a bad fault file names the file, the JSON path and the problem", "[faults]") {
    REQUIRE_THROWS_WITH(
        parse_fault_rules(
            R"({"rules":[{"action":{"preset":"Throttled"}},{"action":{"transport":{"type":"explode"}}}]})",
            "fault file 'x.json'"),
        Catch::StartsWith("fault file 'x.json': at $.rules[1].action.transport.type: The value "
                          "\"explode\" is not one of the allowed values 'reset', 'close', "
                          "'partialBody', 'hold'."));
    REQUIRE_THROWS_WITH(parse_fault_rules("[]", "fault file 'x.json'"),
                        Catch::StartsWith("fault file 'x.json': at $: "));
    REQUIRE_THROWS_WITH(parse_fault_rules("{\"rules\":[", "fault file 'x.json'"),
                        Catch::StartsWith("fault file 'x.json': at $: "));
    REQUIRE_THROWS_WITH(load_fault_file("/nonexistent/f.json"),
                        "fault file '/nonexistent/f.json': cannot be opened");
}

TEST_CASE("at most kMaxFaultRules rules are active", "[faults]") {
    ServiceFixture f;
    MockAdmin admin(f.service);
    for (std::size_t i = 0; i < kMaxFaultRules; ++i) {
        admin.add_fault(R"({"action":{"preset":"Conflict"},"match":{"workflow":"none"}})");
    }
    REQUIRE_THROWS_AS(admin.add_fault(R"({"action":{"preset":"Conflict"}})"), FaultRuleError);
    admin.clear_faults();
    REQUIRE_NOTHROW(admin.add_fault(R"({"action":{"preset":"Conflict"}})"));
}

TEST_CASE("globs: * and ? in any case", "[faults]") {
    REQUIRE(glob_match("*", ""));
    REQUIRE(glob_match("prod-*", "PROD-eu"));
    REQUIRE(glob_match("a*b*c", "axxbyyc"));
    REQUIRE_FALSE(glob_match("a*b*c", "axxbyy"));
    REQUIRE(glob_match("?x", "ax"));
    REQUIRE_FALSE(glob_match("?x", "x"));
    REQUIRE_FALSE(glob_match("abc", "abcd"));
}

TEST_CASE("fault and admin flags", "[faults][cli]") {
    auto parse = [](std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
        return parse_cli(args, [env](const char* name) -> const char* {
            auto it = env.find(name);
            return it == env.end() ? nullptr : it->second.c_str();
        });
    };
    CliConfig defaults = parse({});
    REQUIRE(defaults.server.service.journal_size == 1000);
    REQUIRE(defaults.server.service.admin_enabled);
    REQUIRE(defaults.server.service.admin_token.empty());
    REQUIRE_FALSE(defaults.faults_path);

    CliConfig c = parse({"--faults", "f.json", "--journal-size=5", "--no-admin", "--admin-token",
                         "tok", "--port", "0"});
    REQUIRE(c.faults_path == "f.json");
    REQUIRE(c.server.service.journal_size == 5);
    REQUIRE_FALSE(c.server.service.admin_enabled);
    REQUIRE(c.server.service.admin_token == "tok");
    REQUIRE(c.server.port == 0);

    REQUIRE_FALSE(parse({}, {{"LOGICMOCK_NO_ADMIN", "true"}}).server.service.admin_enabled);
    REQUIRE(parse({}, {{"LOGICMOCK_NO_ADMIN", "0"}}).server.service.admin_enabled);
    REQUIRE_THROWS_AS(parse({"--journal-size", "-1"}), UsageError);
    REQUIRE_THAT(cli_help(), Catch::Contains("--no-admin\n"));
}

TEST_CASE("times holds exactly under concurrent requests, and the journal misses none",
          "[faults][concurrency]") {
    ServiceFixture f;
    MockAdmin admin(f.service);
    admin.add_fault(R"({"action":{"preset":"Throttled"},"times":100})");
    std::atomic<int> throttled{0}, ok{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 200; ++i) {
                int status = f.service.handle(regenerate_request()).status;
                (status == 429 ? throttled : ok)++;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    REQUIRE(throttled == 100);
    REQUIRE(ok == 700);
    REQUIRE(admin.journal_count() == 800);
    REQUIRE(admin.journal_count(JournalFilter().by_status(429)) == 100);
    REQUIRE(f.workflow().primary_rotations == 700);
}
