// The request journal and the /_mock/ admin API, without sockets: what is recorded, how it is
// filtered and bounded, that secrets never appear, and the admin routes' answers.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "admin/admin_api.hpp"
#include "logicmock/mock_admin.hpp"
#include "pipeline_test_support.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

Request for_workflow(const std::string& workflow, const std::string& body) {
    Request r = regenerate_request(body);
    r.target = workflow_path(kSubscription, kResourceGroup, workflow) +
               "/regenerateAccessKey?api-version=2019-05-01";
    return r;
}

// Every string a journal entry holds, for "this secret appears nowhere" checks.
std::string everything(const std::vector<JournalEntry>& entries) {
    std::string all;
    for (const auto& e : entries) {
        all += e.time + e.method + e.path + e.query + e.body + e.operation + e.subscription +
               e.resource_group + e.workflow + e.fault_rule + e.fault_action + e.error_code +
               e.error_message + e.request_id;
        for (const auto& [name, value] : e.headers) all += name + ": " + value + "\n";
    }
    return all;
}

}  // namespace

TEST_CASE("the journal records each request: target, headers, body, status, fault, error",
          "[journal]") {
    ServiceFixture f;
    MockAdmin admin(f.service);
    const std::string id = admin.add_fault(R"({"action":{"preset":"Throttled"},"times":1})");
    Request request = regenerate_request(R"({"keyType": "Secondary"})");
    request.headers.add("x-ms-client-request-id", "client-1");
    Response throttled = f.service.handle(request);
    f.service.handle(request);

    auto entries = admin.journal();
    REQUIRE(entries.size() == 2);
    const JournalEntry& first = entries[0];
    REQUIRE(first.id == 1);
    REQUIRE(entries[1].id == 2);
    REQUIRE(first.method == "POST");
    REQUIRE(first.path == workflow_path() + "/regenerateAccessKey");
    REQUIRE(first.query == "api-version=2019-05-01");
    REQUIRE(first.body == R"({"keyType": "Secondary"})");
    REQUIRE_FALSE(first.body_truncated);
    REQUIRE(first.status == 429);
    REQUIRE(first.operation == "regenerateAccessKey");
    REQUIRE(first.subscription == kSubscription);
    REQUIRE(first.resource_group == kResourceGroup);
    REQUIRE(first.workflow == kWorkflow);
    REQUIRE(first.fault_rule == id);
    REQUIRE(first.fault_action == "preset:Throttled");
    REQUIRE(first.error_code == "SubscriptionRequestsThrottled");
    REQUIRE_THAT(first.error_message, Catch::StartsWith("Number of requests for subscription"));
    REQUIRE(first.request_id == header(throttled, "x-ms-request-id"));
    REQUIRE(first.time.size() == 24);  // 2026-11-27T03:16:34.123Z
    REQUIRE(first.time.back() == 'Z');
    REQUIRE(first.duration_ms >= 0);
    bool has_client_id = false;
    for (const auto& [name, value] : first.headers) {
        has_client_id |= name == "x-ms-client-request-id" && value == "client-1";
    }
    REQUIRE(has_client_id);

    REQUIRE(entries[1].status == 200);
    REQUIRE(entries[1].fault_rule.empty());
    REQUIRE(entries[1].error_code.empty());
}

TEST_CASE("validation errors are journaled with their code and message", "[journal]") {
    ServiceFixture f;
    f.service.handle(regenerate_request(R"({"keyType":"Tertiary"})"));
    auto entries = MockAdmin(f.service).journal();
    REQUIRE(entries.size() == 1);
    REQUIRE(entries[0].status == 400);
    REQUIRE(entries[0].error_code == "InvalidRequestContent");
    REQUIRE_THAT(entries[0].error_message, Catch::Contains("Tertiary"));
    REQUIRE(entries[0].fault_rule.empty());
}

TEST_CASE("journal filters: operation, workflow, status, since, limit, count agrees", "[journal]") {
    ServiceOptions options;
    options.faults = parse_fault_rules(
        R"({"rules":[{"match":{"workflow":"testWorkflowName"},"action":{"preset":"Conflict"},"times":1}]})",
        "inline");
    ServiceFixture f(options);
    MockAdmin admin(f.service);
    f.service.handle(regenerate_request());           // 1: 409
    f.service.handle(regenerate_request());           // 2: 200
    f.service.handle(for_workflow("missing", "{}"));  // 3: 404
    Request unrouted = regenerate_request();          // 4: 404, no operation
    unrouted.target = "/subscriptions/x/providers/Other/things?api-version=2019-05-01";
    f.service.handle(unrouted);

    REQUIRE(admin.journal_count() == 4);
    REQUIRE(admin.journal_count(JournalFilter().by_operation("regenerateAccessKey")) == 3);
    REQUIRE(admin.journal_count(JournalFilter().by_operation("Regenerate*")) == 3);
    REQUIRE(admin.journal_count(JournalFilter().by_workflow("testworkflowname")) == 2);
    REQUIRE(admin.journal_count(JournalFilter().by_workflow("miss*")) == 1);
    REQUIRE(admin.journal_count(JournalFilter().by_status(404)) == 2);
    REQUIRE(admin.journal_count(JournalFilter().by_status(409)) == 1);
    auto later = admin.journal(JournalFilter().after_id(2));
    REQUIRE(later.size() == 2);
    REQUIRE(later[0].id == 3);
    auto limited = admin.journal(JournalFilter().at_most(1));
    REQUIRE(limited.size() == 1);
    REQUIRE(limited[0].id == 1);
    REQUIRE(admin.journal(JournalFilter().by_status(404)).back().operation.empty());
}

TEST_CASE("the journal is a ring: it keeps the newest journal_size entries", "[journal]") {
    ServiceOptions options;
    options.journal_size = 3;
    ServiceFixture f(options);
    for (int i = 0; i < 5; ++i) f.service.handle(regenerate_request());
    auto entries = MockAdmin(f.service).journal();
    REQUIRE(entries.size() == 3);
    REQUIRE(entries.front().id == 3);
    REQUIRE(entries.back().id == 5);

    ServiceOptions off;
    off.journal_size = 0;
    ServiceFixture g(off);
    g.service.handle(regenerate_request());
    REQUIRE(MockAdmin(g.service).journal().empty());
}

TEST_CASE("bodies past the limit are truncated and say so", "[journal]") {
    ServiceOptions options;
    options.journal_body_limit = 16;
    ServiceFixture f(options);
    const std::string body = R"({"keyType":"Primary","padding":"xxxxxxxxxxxxxxxxxxxxxxxx"})";
    f.service.handle(regenerate_request(body));
    auto entry = MockAdmin(f.service).journal().at(0);
    REQUIRE(entry.body == body.substr(0, 16));
    REQUIRE(entry.body_truncated);
}

TEST_CASE("secrets never reach the journal: tokens, keys, signatures", "[journal][security]") {
    ServiceOptions options;
    options.admin_token = "admin-token-value-1";
    ServiceFixture f(options);
    Request request = regenerate_request(
        R"({"keyType":"Primary","primaryKey":"key-material-2","nested":{"clientSecret":"secret-3"},)"
        R"("callback":"https://x/invoke?api-version=1&sig=signature-4&sp=read"})");
    request.headers.set("Authorization", "Bearer bearer-token-5");
    request.headers.add("x-mock-admin-token", "admin-token-value-1");
    request.headers.add("x-functions-key", "function-key-6");
    request.target += "&sig=signature-7&code=code-8";
    f.service.handle(request);
    Request jwt = regenerate_request();
    jwt.headers.set("Authorization", "Bearer " + make_jwt({{"exp", 4102444800}}));
    f.service.handle(jwt);

    auto entries = MockAdmin(f.service).journal();
    REQUIRE(entries.size() == 2);
    const std::string all = everything(entries);
    for (const char* secret :
         {"admin-token-value-1", "key-material-2", "secret-3", "signature-4", "bearer-token-5",
          "function-key-6", "signature-7", "code-8", "eyJ"}) {
        INFO(secret);
        REQUIRE(all.find(secret) == std::string::npos);
    }
    REQUIRE_THAT(all, Catch::Contains("Authorization: Bearer REDACTED"));
    REQUIRE(entries[0].query == "api-version=2019-05-01&sig=REDACTED&code=REDACTED");
    // What is not secret stays readable.
    auto body = nlohmann::json::parse(entries[0].body);
    REQUIRE(body["keyType"] == "Primary");
    REQUIRE(body["primaryKey"] == "REDACTED");
    REQUIRE(body["callback"] == "https://x/invoke?api-version=1&sig=REDACTED&sp=read");
}

TEST_CASE("reset: workflows back to the seed, start-up faults back, journal emptied",
          "[journal][admin]") {
    ServiceOptions options;
    options.faults = parse_fault_rules(
        R"({"rules":[{"action":{"preset":"Conflict"},"match":{"keyType":"Secondary"},"times":1}]})",
        "inline");
    ServiceFixture f(options);
    MockAdmin admin(f.service);
    const auto seeded = f.workflow();
    REQUIRE(f.service.handle(regenerate_request(R"({"keyType":"Secondary"})")).status == 409);
    REQUIRE(f.service.handle(regenerate_request()).status == 200);
    admin.add_fault(R"({"action":{"preset":"GatewayTimeout"},"match":{"workflow":"other"}})");
    REQUIRE(f.workflow().primary_key != seeded.primary_key);

    admin.reset();
    REQUIRE(f.workflow().primary_key == seeded.primary_key);
    REQUIRE(f.workflow().primary_rotations == 0);
    REQUIRE(admin.journal().empty());
    auto rules = nlohmann::json::parse(admin.faults_json())["value"];
    REQUIRE(rules.size() == 1);
    REQUIRE(rules[0]["fired"] == 0);
    // The start-up rule fires again: its counters started over.
    REQUIRE(f.service.handle(regenerate_request(R"({"keyType":"Secondary"})")).status == 409);
    // Journal ids go on rising, so "since" stays meaningful across a reset.
    REQUIRE(admin.journal().at(0).id == 3);
}

TEST_CASE("admin API: add, list, get, delete one, delete all", "[admin]") {
    ServiceFixture f;
    Response added = handle_admin(
        f.service, admin_request("POST", "/_mock/faults",
                                 R"({"name":"t","action":{"preset":"Throttled"},"times":2})"));
    REQUIRE(added.status == 201);
    const std::string id = body_json(added)["id"];
    REQUIRE(header(added, "Location") == "/_mock/faults/" + id);
    REQUIRE(f.service.handle(regenerate_request()).status == 429);

    Response listed = handle_admin(f.service, admin_request("GET", "/_mock/faults"));
    REQUIRE(listed.status == 200);
    auto value = body_json(listed)["value"];
    REQUIRE(value.size() == 1);
    REQUIRE(value[0]["id"] == id);
    REQUIRE(value[0]["rule"]["name"] == "t");
    REQUIRE(value[0]["matched"] == 1);
    REQUIRE(value[0]["fired"] == 1);

    REQUIRE(body_json(handle_admin(
                f.service, admin_request("GET", "/_mock/faults/" + id)))["rule"]["times"] == 2);
    REQUIRE(handle_admin(f.service, admin_request("DELETE", "/_mock/faults/" + id)).status == 204);
    Response gone = handle_admin(f.service, admin_request("DELETE", "/_mock/faults/" + id));
    REQUIRE(gone.status == 404);
    REQUIRE(error_code(gone) == "FaultRuleNotFound");
    REQUIRE(f.service.handle(regenerate_request()).status == 200);

    handle_admin(f.service,
                 admin_request("POST", "/_mock/faults", R"({"action":{"preset":"Conflict"}})"));
    handle_admin(f.service,
                 admin_request("POST", "/_mock/faults", R"({"action":{"preset":"Conflict"}})"));
    REQUIRE(handle_admin(f.service, admin_request("DELETE", "/_mock/faults")).status == 204);
    REQUIRE(
        body_json(handle_admin(f.service, admin_request("GET", "/_mock/faults")))["value"].empty());
}

TEST_CASE("admin API: a bad rule is 400 InvalidFaultRule naming the path", "[admin]") {
    ServiceFixture f;
    Response r = handle_admin(f.service, admin_request("POST", "/_mock/faults",
                                                       R"({"action":{"transport":{"type":"x"}}})"));
    REQUIRE(r.status == 400);
    REQUIRE(error_code(r) == "InvalidFaultRule");
    REQUIRE_THAT(error_message(r), Catch::StartsWith("The fault rule is invalid: fault rule: at "
                                                     "$.action.transport.type: "));
}

TEST_CASE("admin API: journal list, count, filters, clear", "[admin][journal]") {
    ServiceFixture f;
    f.service.handle(regenerate_request());
    f.service.handle(regenerate_request(R"({"keyType":"Bogus"})"));
    handle_admin(f.service, admin_request("GET", "/_mock/faults"));  // not journaled

    auto value =
        body_json(handle_admin(f.service, admin_request("GET", "/_mock/journal")))["value"];
    REQUIRE(value.size() == 2);
    REQUIRE(value[0]["status"] == 200);
    REQUIRE(value[0]["error"].is_null());
    REQUIRE(value[0]["fault"].is_null());
    REQUIRE(value[0]["headers"]["Authorization"] == "Bearer REDACTED");
    REQUIRE(value[1]["error"]["code"] == "InvalidRequestContent");
    REQUIRE(body_json(handle_admin(
                f.service, admin_request("GET", "/_mock/journal/count?status=400")))["count"] == 1);
    auto since = body_json(handle_admin(
        f.service, admin_request("GET",
                                 "/_mock/journal?since=1&operation=regenerateAccessKey&"
                                 "workflow=testWorkflowName&limit=5")))["value"];
    REQUIRE(since.size() == 1);
    REQUIRE(since[0]["id"] == 2);

    Response bad = handle_admin(f.service, admin_request("GET", "/_mock/journal?status=abc"));
    REQUIRE(bad.status == 400);
    REQUIRE(error_code(bad) == "InvalidJournalQuery");
    REQUIRE(handle_admin(f.service, admin_request("GET", "/_mock/journal?colour=1")).status == 400);

    REQUIRE(handle_admin(f.service, admin_request("DELETE", "/_mock/journal")).status == 204);
    REQUIRE(body_json(handle_admin(f.service,
                                   admin_request("GET", "/_mock/journal/count")))["count"] == 0);
}

TEST_CASE("admin API: unknown routes, --no-admin and the admin token", "[admin][security]") {
    ServiceFixture f;
    Response unknown = handle_admin(f.service, admin_request("GET", "/_mock/nothing"));
    REQUIRE(unknown.status == 404);
    REQUIRE(error_code(unknown) == "AdminRouteNotFound");
    REQUIRE(handle_admin(f.service, admin_request("PUT", "/_mock/reset")).status == 404);

    ServiceOptions off;
    off.admin_enabled = false;
    ServiceFixture disabled(off);
    Response r = handle_admin(disabled.service, admin_request("GET", "/_mock/faults"));
    REQUIRE(r.status == 404);
    REQUIRE(error_code(r) == "AdminApiDisabled");

    ServiceOptions guarded;
    guarded.admin_token = "s3cret";
    ServiceFixture g(guarded);
    Response denied = handle_admin(g.service, admin_request("GET", "/_mock/faults"));
    REQUIRE(denied.status == 401);
    REQUIRE(error_code(denied) == "AdminAuthenticationFailed");
    REQUIRE(header(denied, "Content-Type") == "application/json; charset=utf-8");
    Request wrong = admin_request("GET", "/_mock/faults");
    wrong.headers.add("x-mock-admin-token", "s3creT");
    REQUIRE(handle_admin(g.service, wrong).status == 401);
    Request header_token = admin_request("GET", "/_mock/faults");
    header_token.headers.add("x-mock-admin-token", "s3cret");
    REQUIRE(handle_admin(g.service, header_token).status == 200);
    Request bearer = admin_request("POST", "/_mock/reset");
    bearer.headers.add("Authorization", "Bearer s3cret");
    REQUIRE(handle_admin(g.service, bearer).status == 204);
}
