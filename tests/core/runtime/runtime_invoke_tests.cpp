// The runtime host through Service::handle: a valid SAS fires the trigger (202), everything
// else is refused with Logic's runtime errors, and key regeneration revokes exactly the URLs
// signed with that key.

#include <catch2/catch.hpp>

#include "callback_test_support.hpp"
#include "journal/request_journal.hpp"
#include "logicmock/journal.hpp"
#include "logicmock/schema_validator.hpp"
#include "net/request_log.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

std::string url_for(CallbackFixture& f, const std::string& body = "") {
    return callback_value(f.service.handle(trigger_callback_request("manual", body)));
}

void require_runtime_error(const Response& r, int status, const std::string& code,
                           const std::string& message) {
    INFO(r.body);
    REQUIRE(r.status == status);
    REQUIRE(header(r, "Content-Type") == "application/json; charset=utf-8");
    REQUIRE_FALSE(validate(Shape::ErrorResponse, body_json(r)).has_value());
    REQUIRE(error_code(r) == code);
    REQUIRE(error_message(r) == message);
    // Not ARM: none of ARM's gateway headers.
    REQUIRE(header(r, "x-ms-failure-cause").empty());
    REQUIRE(header(r, "x-ms-ratelimit-remaining-subscription-writes").empty());
}

void require_invalid_signature(const Response& r) {
    require_runtime_error(r, 401, "DirectApiInvalidAuthorizationSignature",
                          "The provided authorization signature is not valid.");
}

Response regenerate(CallbackFixture& f, const std::string& key_type) {
    Request r = arm_request("POST", regenerate_target(), R"({"keyType":")" + key_type + "\"}");
    return f.service.handle(r);
}

}  // namespace

TEST_CASE("a fresh callback URL fires the trigger: 202, empty body, counted", "[runtime]") {
    CallbackFixture f;
    const std::string url = url_for(f);
    REQUIRE(f.invocations() == 0);
    Request r = invoke_request(url);
    REQUIRE_FALSE(r.headers.contains("Authorization"));  // the SAS is the only credential
    Response res = f.service.handle(r);
    REQUIRE(res.status == 202);
    REQUIRE(res.body.empty());
    REQUIRE(header(res, "x-ms-workflow-id") == kWorkflowId);
    REQUIRE_THAT(header(res, "x-ms-workflow-run-id"), Catch::Matches("[0-9]{29}CU00"));
    REQUIRE_FALSE(header(res, "x-ms-request-id").empty());
    REQUIRE(f.invocations() == 1);
    REQUIRE(f.service.handle(invoke_request(url)).status == 202);
    REQUIRE(f.invocations() == 2);
    REQUIRE(f.invocations("nightly") == 0);
}

TEST_CASE("regenerating a key revokes only the URLs it signed", "[runtime]") {
    CallbackFixture f;
    const std::string primary_url = url_for(f, R"({"keyType":"Primary"})");
    const std::string secondary_url = url_for(f, R"({"keyType":"Secondary"})");
    REQUIRE(primary_url != secondary_url);
    REQUIRE(f.service.handle(invoke_request(primary_url)).status == 202);
    REQUIRE(f.service.handle(invoke_request(secondary_url)).status == 202);

    REQUIRE(regenerate(f, "Primary").status == 200);
    require_invalid_signature(f.service.handle(invoke_request(primary_url)));
    REQUIRE(f.service.handle(invoke_request(secondary_url)).status == 202);
    const std::string new_primary_url = url_for(f, R"({"keyType":"Primary"})");
    REQUIRE(new_primary_url != primary_url);
    REQUIRE(f.service.handle(invoke_request(new_primary_url)).status == 202);

    REQUIRE(regenerate(f, "Secondary").status == 200);
    require_invalid_signature(f.service.handle(invoke_request(secondary_url)));
    REQUIRE(f.service.handle(invoke_request(new_primary_url)).status == 202);
    REQUIRE(url_for(f, R"({"keyType":"Secondary"})") != secondary_url);
    REQUIRE(f.invocations() == 5);
}

TEST_CASE("tampering with any signed part of the URL gives 401", "[runtime]") {
    CallbackFixture f;
    const std::string url = url_for(f, R"({"notAfter":"2099-01-01T00:00:00Z"})");
    REQUIRE(f.service.handle(invoke_request(url)).status == 202);
    const std::uint64_t fired = f.invocations();

    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"sp", "%2Ftriggers%2Fother%2Frun"},
             {"sv", "2.0"},
             {"se", "2099-01-02T00%3A00%3A00.0000000Z"},
             {"sig", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}}) {
        INFO(name);
        require_invalid_signature(f.service.handle(invoke_request(with_query(url, name, value))));
    }
    // One flipped character of the signature.
    std::string sig = body_json(f.service.handle(trigger_callback_request(
        "manual", R"({"notAfter":"2099-01-01T00:00:00Z"})")))["queries"]["sig"];
    sig[5] = sig[5] == 'A' ? 'B' : 'A';
    require_invalid_signature(f.service.handle(invoke_request(with_query(url, "sig", sig))));
    // The URL of another trigger path with this signature.
    std::string other = url;
    other.replace(other.find("/triggers/manual/"), 17, "/triggers/nightly/");
    require_invalid_signature(f.service.handle(invoke_request(other)));
    REQUIRE(f.invocations() == fired);
}

TEST_CASE("missing SAS parts give 401, and api-version is not signed", "[runtime]") {
    CallbackFixture f;
    const std::string url = url_for(f, R"({"notAfter":"2099-01-01T00:00:00Z"})");
    for (const char* name : {"sp", "sv", "sig", "se"}) {
        INFO(name);
        require_invalid_signature(
            f.service.handle(invoke_request(with_query(url, name, std::nullopt))));
    }
    // Adding se to a URL that was issued without one breaks the signature too.
    const std::string forever = url_for(f);
    require_invalid_signature(f.service.handle(
        invoke_request(with_query(forever, "se", "2099-01-01T00%3A00%3A00.0000000Z"))));
    REQUIRE(
        f.service.handle(invoke_request(with_query(forever, "api-version", "2016-10-01"))).status ==
        202);
    REQUIRE(
        f.service.handle(invoke_request(with_query(forever, "api-version", std::nullopt))).status ==
        202);
}

TEST_CASE("an expired URL gives 401, one expiring later still works", "[runtime]") {
    CallbackFixture f;
    const std::string expired = url_for(f, R"({"notAfter":"2001-01-01T00:00:00Z"})");
    require_invalid_signature(f.service.handle(invoke_request(expired)));
    const std::string later = url_for(f, R"({"notAfter":"2099-12-31T23:59:59Z"})");
    REQUIRE(f.service.handle(invoke_request(later)).status == 202);
    REQUIRE(f.invocations() == 1);
}

TEST_CASE("runtime error rows", "[runtime]") {
    CallbackFixture f;
    const std::string url = url_for(f);
    SECTION("unknown workflow id: 404 WorkflowNotFound") {
        std::string other = url;
        other.replace(other.find(kWorkflowId), kWorkflowId.size(), std::string(32, 'f'));
        require_runtime_error(f.service.handle(invoke_request(other)), 404, "WorkflowNotFound",
                              "The workflow could not be found.");
    }
    SECTION("SAS plus an Authorization header: 400") {
        Request r = invoke_request(url);
        r.headers.add("Authorization", "Bearer eyJ0eXAiOiJKV1QifQ.e30.x");
        require_runtime_error(f.service.handle(r), 400,
                              "DirectApiRequestHasMoreThanOneAuthorization",
                              "The request has SAS authentication scheme, 'HMAC' authorization "
                              "scheme or internal token scheme. Only one scheme should be used.");
    }
    SECTION("no SAS at all: 401 DirectApiAuthorizationRequired") {
        std::string bare = url.substr(0, url.find('?'));
        require_runtime_error(f.service.handle(invoke_request(bare)), 401,
                              "DirectApiAuthorizationRequired",
                              "The request must be authenticated only by Shared Access scheme.");
    }
    SECTION("a GET to a POST trigger: 400 TriggerRequestMethodNotValid") {
        require_runtime_error(
            f.service.handle(invoke_request(url, "GET")), 400, "TriggerRequestMethodNotValid",
            "The HTTP method for this request is not valid: expected 'Post' and actual 'GET'.");
    }
    SECTION("a path that is not a trigger endpoint: 404") {
        Request r = invoke_request(url);
        r.target = "/workflows/" + kWorkflowId + "/runs?sp=x";
        REQUIRE(f.service.handle(r).status == 404);
        REQUIRE(error_code(f.service.handle(r)) == "NotFound");
    }
    REQUIRE(f.invocations() == 0);
}

TEST_CASE("runtime paths ignore the case of literals, ids and trigger names", "[runtime]") {
    CallbackFixture f;
    std::string url = url_for(f);
    std::string shouted = url;
    shouted.replace(shouted.find("/workflows/"), 11, "/WORKFLOWS/");
    shouted.replace(shouted.find(kWorkflowId), kWorkflowId.size(),
                    "0123456789ABCDEF0123456789ABCDEF");
    shouted.replace(shouted.find("/triggers/manual/paths/invoke"), 29,
                    "/Triggers/MANUAL/Paths/Invoke");
    REQUIRE(f.service.handle(invoke_request(shouted)).status == 202);
    REQUIRE(f.invocations() == 1);
}

TEST_CASE("version-scoped URLs fire the trigger and are bound to their version", "[runtime]") {
    CallbackFixture f;
    Request list = arm_request("POST", workflow_path() +
                                           "/versions/08587100027316071865/triggers/manual/"
                                           "listCallbackUrl?api-version=2019-05-01");
    const std::string url = callback_value(f.service.handle(list));
    REQUIRE(f.service.handle(invoke_request(url)).status == 202);
    std::string other = url;
    other.replace(other.find("08587100027316071865/triggers"), 20, "08587100027316071866");
    require_invalid_signature(f.service.handle(invoke_request(other)));
    REQUIRE(f.invocations() == 1);
}

TEST_CASE("a trigger removed by a workflow update answers 404 to its old URL", "[runtime]") {
    CallbackFixture f;
    const std::string url = url_for(f);
    Request put = arm_request(
        "PUT", workflow_target(),
        R"({"location":"westus","properties":{"definition":{"triggers":{"other":{"type":"Request"}}}}})");
    REQUIRE(f.service.handle(put).status == 200);
    Response r = f.service.handle(invoke_request(url));
    REQUIRE(r.status == 404);
    REQUIRE(error_code(r) == "WorkflowTriggerNotFound");
}

TEST_CASE("request log lines never carry the query, where a SAS signature travels", "[runtime]") {
    for (LogFormat format : {LogFormat::Text, LogFormat::Json}) {
        std::string line = format_request_log_line(
            format,
            {"POST", "/workflows/x/triggers/m/paths/invoke?api-version=1&sp=%2F&sv=1.0&sig=abc",
             202, 0.5, "id", "127.0.0.1"});
        REQUIRE_THAT(line, Catch::Contains("/workflows/x/triggers/m/paths/invoke"));
        REQUIRE_THAT(line, !Catch::Contains("sig"));
        REQUIRE_THAT(line, !Catch::Contains("abc"));
    }
}

TEST_CASE("callback URL invocations are journaled with their workflow, signature redacted",
          "[runtime][journal]") {
    CallbackFixture f;
    const std::string url = url_for(f);
    REQUIRE(f.service.handle(invoke_request(url)).status == 202);
    REQUIRE(f.service.handle(invoke_request(with_query(url, "sig", std::string(43, 'A')))).status ==
            401);
    auto entries = f.service.journal().list(JournalFilter().by_operation("invokeTrigger"));
    REQUIRE(entries.size() == 2);
    REQUIRE(entries[0].status == 202);
    REQUIRE(entries[0].workflow == kWorkflow);
    REQUIRE(entries[1].status == 401);
    const std::string sig = url.substr(url.find("sig=") + 4, 43);
    for (const auto& e : entries) {
        REQUIRE(e.query.find(sig) == std::string::npos);
        REQUIRE(e.path.find("/paths/invoke") != std::string::npos);
    }
}
