// How responses become typed results, the contract checks on bodies, and the request shape.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fake_transport.hpp"
#include "logicmock/json_text.hpp"

using namespace logicmock::client;
using namespace logicmock::client::testing;

namespace {

nlohmann::json body_json(const HttpRequest& request) {
    return std::get<nlohmann::json>(logicmock::parse_json(request.body));
}

const char* const kCallbackBody = R"({
  "value": "https://prod-03.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2019-05-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=xyz",
  "method": "POST",
  "basePath": "https://prod-03.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke",
  "relativePath": "/paths/invoke",
  "relativePathParameters": ["a"],
  "queries": {"api-version": "2019-05-01", "sp": "/triggers/manual/run", "sv": "1.0", "sig": "xyz"}
})";

}  // namespace

TEST_CASE("200 with an empty body is a regenerate success", "[typing]") {
    FakeSetup setup({response(200)});
    auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);
    CHECK(result.ok());
    CHECK(result.kind() == OutcomeKind::Success);
    CHECK(result.status() == 200);
    CHECK_NOTHROW(result.value());
    CHECK(result.arm_error() == nullptr);
    CHECK(result.contract_error() == nullptr);
    CHECK(result.transport_error() == nullptr);
}

TEST_CASE("a regenerate 200 may carry JSON but not other text", "[typing][contract-check]") {
    FakeSetup json_body({response(200, "{}")});
    CHECK(json_body.client.regenerate_access_key(kWorkflow, KeyType::Primary).ok());

    FakeSetup text_body({response(200, "OK then")});
    auto result = text_body.client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(result.contract_error());
    CHECK(result.contract_error()->status == 200);
    CHECK(result.contract_error()->path == "");
    CHECK_THAT(result.contract_error()->message, Catch::Contains("not JSON"));
    CHECK(result.contract_error()->body == "OK then");
}

TEST_CASE("2xx other than 200 breaks the contract of the typed operations", "[typing]") {
    FakeSetup setup({response(202)});
    auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(result.contract_error());
    CHECK(result.contract_error()->status == 202);
}

TEST_CASE("an ErrorResponse body becomes an ArmError", "[typing]") {
    FakeSetup setup({arm_error(404, "ResourceNotFound")});
    auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(result.arm_error());
    const ArmError& error = *result.arm_error();
    CHECK(error.status == 404);
    CHECK(error.code == "ResourceNotFound");
    CHECK(error.message == "It failed.");
    CHECK(error.request_id == "req-ResourceNotFound");
    CHECK(error.correlation_request_id == "corr-ResourceNotFound");
    CHECK(error.body == R"({"error":{"code":"ResourceNotFound","message":"It failed."}})");
    CHECK(result.kind() == OutcomeKind::ArmError);
    CHECK_THROWS_AS(result.value(), BadResultAccess);
}

TEST_CASE("an error body that is not an ErrorResponse is a contract error naming the path",
          "[typing][contract-check]") {
    struct Row {
        const char* body;
        const char* path;
    };
    for (Row row : {Row{"", ""}, Row{"<html>Bad Gateway</html>", ""}, Row{"[]", ""},
                    Row{R"({"code":"X","message":"m"})", ""}, Row{R"({"error":"oops"})", "error"},
                    Row{R"({"error":{"message":"m"}})", "error"},
                    Row{R"({"error":{"code":42,"message":"m"}})", "error.code"},
                    Row{R"({"error":{"code":"","message":"m"}})", "error.code"},
                    Row{R"({"error":{"code":"X","message":["m"]}})", "error.message"}}) {
        CAPTURE(row.body);
        FakeSetup setup({response(400, row.body)});
        auto result = setup.client.regenerate_access_key(kWorkflow, KeyType::Primary);
        REQUIRE(result.contract_error());
        CHECK(result.contract_error()->status == 400);
        CHECK(result.contract_error()->path == row.path);
        CHECK(result.contract_error()->body == row.body);
    }
}

TEST_CASE("a callback URL body is parsed into CallbackUrl", "[typing]") {
    FakeSetup setup({response(200, kCallbackBody)});
    auto result =
        setup.client.list_callback_url(kWorkflow, "2030-01-01T00:00:00Z", KeyType::Primary);
    REQUIRE(result.ok());
    const CallbackUrl& url = result.value();
    CHECK_THAT(url.value,
               Catch::StartsWith("https://prod-03.westus.logic.azure.com/workflows/abc/"));
    CHECK(url.method == "POST");
    CHECK(url.relative_path == "/paths/invoke");
    CHECK(url.relative_path_parameters == std::vector<std::string>{"a"});
    CHECK(url.queries.at("sig") == "xyz");
    CHECK(url.queries.at("sv") == "1.0");
    CHECK(url.body == kCallbackBody);
}

TEST_CASE("a callback URL body that breaks the schema is a contract error naming the path",
          "[typing][contract-check]") {
    struct Row {
        const char* body;
        const char* path;
    };
    for (Row row : {Row{"", ""}, Row{"not json", ""}, Row{R"("https://x")", ""},
                    Row{R"({"value":42})", "value"}, Row{R"({"queries":"sig=1"})", "queries"},
                    Row{R"({"queries":{"sig":1}})", "queries.sig"},
                    Row{R"({"relativePathParameters":["a",2]})", "relativePathParameters[1]"}}) {
        CAPTURE(row.body);
        FakeSetup setup({response(200, row.body)});
        auto result = setup.client.list_trigger_callback_url(kWorkflow, "manual");
        REQUIRE(result.contract_error());
        CHECK(result.contract_error()->path == row.path);
    }
}

TEST_CASE("callback URL errors are typed like any other", "[typing]") {
    FakeSetup setup({arm_error(404, "ResourceNotFound")});
    auto result = setup.client.list_callback_url(kWorkflow);
    REQUIRE(result.arm_error());
    CHECK(result.arm_error()->code == "ResourceNotFound");
}

TEST_CASE("regenerate sends the documented request", "[request]") {
    FakeSetup setup({response(200)});
    REQUIRE(setup.client.regenerate_access_key(kWorkflow, KeyType::Secondary).ok());
    const HttpRequest& request = setup.transport->requests.at(0);
    CHECK(request.method == "POST");
    CHECK(request.target == action_target(kWorkflow, "regenerateAccessKey"));
    CHECK(request.headers.get("Content-Type") == "application/json");
    CHECK(request.headers.get("Accept") == "application/json");
    CHECK(request.headers.get("Authorization") == "Bearer test-token");
    CHECK(request.headers.get("User-Agent") == "logicmock-client/0.1");
    CHECK(body_json(request) == nlohmann::json{{"keyType", "Secondary"}});
}

TEST_CASE("listCallbackUrl sends only the parameters given", "[request]") {
    FakeSetup setup({response(200, "{}")});
    (void)setup.client.list_callback_url(kWorkflow);
    (void)setup.client.list_callback_url(kWorkflow, "2030-01-01T00:00:00Z", KeyType::Secondary);
    const auto& requests = setup.transport->requests;
    REQUIRE(requests.size() == 2);
    CHECK(requests[0].target == action_target(kWorkflow, "listCallbackUrl"));
    CHECK(body_json(requests[0]) == nlohmann::json::object());
    CHECK(body_json(requests[1]) ==
          nlohmann::json{{"notAfter", "2030-01-01T00:00:00Z"}, {"keyType", "Secondary"}});
}

TEST_CASE("the trigger callback URL request has no body and no Content-Type", "[request]") {
    FakeSetup setup({response(200, "{}")});
    REQUIRE(setup.client.list_trigger_callback_url(kWorkflow, "manual").ok());
    const HttpRequest& request = setup.transport->requests.at(0);
    CHECK(request.body.empty());
    CHECK_FALSE(request.headers.contains("Content-Type"));
}

TEST_CASE("send_raw: 2xx succeeds unchecked, caller headers win, errors are typed", "[raw]") {
    FakeSetup setup({response(204, "anything"), arm_error(415, "UnsupportedMediaType")});
    auto ok =
        setup.client.send_raw("POST", "/x?api-version=1", {{"authorization", "Basic abc"}}, "body");
    REQUIRE(ok.ok());
    CHECK(ok.value().status == 204);
    CHECK(ok.value().body == "anything");
    const HttpRequest& sent = setup.transport->requests.at(0);
    CHECK(sent.target == "/x?api-version=1");
    CHECK(sent.body == "body");
    CHECK(sent.headers.get("Authorization") == "Basic abc");
    CHECK_FALSE(sent.headers.contains("Content-Type"));

    auto error = setup.client.send_raw("POST", "/x", {}, "");
    REQUIRE(error.arm_error());
    CHECK(error.arm_error()->code == "UnsupportedMediaType");
}

TEST_CASE("an empty token sends no Authorization header", "[request]") {
    auto transport = std::make_shared<FakeTransport>(std::deque<AttemptOutcome>{response(200)});
    ClientOptions options;
    options.token = fixed_token("");
    options.transport = transport;
    WorkflowsClient client(options);
    (void)client.regenerate_access_key(kWorkflow, KeyType::Primary);
    CHECK_FALSE(transport->requests.at(0).headers.contains("Authorization"));
}

TEST_CASE("base URLs that are not http(s)://host[:port][/path] are refused", "[options]") {
    for (const char* url : {"ftp://example.com", "example.com", "https://", "https://u:p@host",
                            "http://host/path?x=1"}) {
        CAPTURE(url);
        ClientOptions options;
        options.base_url = url;
        CHECK_THROWS_AS(WorkflowsClient(options), std::invalid_argument);
    }
    for (const char* url :
         {"http://127.0.0.1:8080", "https://management.azure.com/", "http://[::1]:9/prefix"}) {
        CAPTURE(url);
        ClientOptions options;
        options.base_url = url;
        CHECK_NOTHROW(WorkflowsClient(options));
    }
}
