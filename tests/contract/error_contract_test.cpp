// Every error row of the ARM front door: status, code, an ErrorResponse body and ARM headers.
#include <catch2/catch.hpp>

#include "contract_checks.hpp"
#include "contract_target.hpp"

using namespace logicmock;
using namespace logicmock::client;
using logicmock::contract::check_error_row;
using logicmock::contract::contract_target;

namespace {

const char* const kPrimary = R"({"keyType":"Primary"})";
const HeaderList kJson{{"Content-Type", "application/json"}};

std::string regenerate_path() {
    return workflow_path(contract_target().workflow) + "/regenerateAccessKey";
}

std::string with_version(const std::string& path) {
    return path + "?api-version=2019-05-01";
}

}  // namespace

TEST_CASE("an unknown route is 404", "[contract][errors]") {
    auto result = contract_target().make_client().send_raw(
        "POST", with_version(workflow_path(contract_target().workflow) + "/frobnicate"), kJson,
        kPrimary);
    REQUIRE(result.arm_error());
    check_error_row(result, 404, result.arm_error()->code);
}

TEST_CASE("a wrong method is 405", "[contract][errors]") {
    auto result = contract_target().make_client().send_raw("GET", with_version(regenerate_path()));
    REQUIRE(result.arm_error());
    check_error_row(result, 405, result.arm_error()->code, "GET");
}

TEST_CASE("a missing api-version is 400 MissingApiVersionParameter", "[contract][errors]") {
    auto result =
        contract_target().make_client().send_raw("POST", regenerate_path(), kJson, kPrimary);
    check_error_row(result, 400, "MissingApiVersionParameter");
}

TEST_CASE("an unsupported api-version is 400 NoRegisteredProviderFound", "[contract][errors]") {
    for (const char* version : {"2015-01-01", "2019-5-1", "latest"}) {
        CAPTURE(version);
        auto result = contract_target().make_client().send_raw(
            "POST", regenerate_path() + "?api-version=" + version, kJson, kPrimary);
        check_error_row(result, 400, "NoRegisteredProviderFound");
    }
}

TEST_CASE("a missing Authorization header is 401 AuthenticationFailed with a challenge",
          "[contract][errors]") {
    auto result = contract_target().make_client("").regenerate_access_key(
        contract_target().workflow, KeyType::Primary);
    check_error_row(result, 401, "AuthenticationFailed");
    auto challenge = result.response->headers.get("WWW-Authenticate");
    REQUIRE(challenge.has_value());
    CHECK_THAT(std::string(*challenge), Catch::StartsWith("Bearer "));
}

TEST_CASE("a non-Bearer Authorization header is 401 AuthenticationFailedInvalidHeader",
          "[contract][errors]") {
    auto result = contract_target().make_client().send_raw(
        "POST", with_version(regenerate_path()),
        {{"Content-Type", "application/json"}, {"Authorization", "Basic dXNlcjpwYXNz"}}, kPrimary);
    check_error_row(result, 401, "AuthenticationFailedInvalidHeader");
}

TEST_CASE("unknown resources are 404 with the level that is missing", "[contract][errors]") {
    const Workflow& known = contract_target().workflow;
    struct Row {
        Workflow workflow;
        const char* code;
    };
    for (const Row& row :
         {Row{{"00000000-0000-0000-0000-00000000dead", known.resource_group, known.name},
              "SubscriptionNotFound"},
          Row{{known.subscription_id, "noSuchResourceGroup", known.name}, "ResourceGroupNotFound"},
          Row{{known.subscription_id, known.resource_group, "noSuchWorkflow"}, "ResourceNotFound"},
          Row{{known.subscription_id, known.resource_group, "no such/workflow"},
              "ResourceNotFound"}}) {
        CAPTURE(row.code, row.workflow.name);
        auto result =
            contract_target().make_client().regenerate_access_key(row.workflow, KeyType::Primary);
        check_error_row(result, 404, row.code);
    }
}

TEST_CASE("a body that is not application/json is 415 UnsupportedMediaType", "[contract][errors]") {
    auto result = contract_target().make_client().send_raw(
        "POST", with_version(regenerate_path()), {{"Content-Type", "text/plain"}}, kPrimary);
    check_error_row(result, 415, "UnsupportedMediaType");
}

TEST_CASE("a body that is not JSON is 400 InvalidRequestContent", "[contract][errors]") {
    for (const char* body : {R"({"keyType":)", "keyType=Primary", R"({"keyType":"Primary"} x)"}) {
        CAPTURE(body);
        auto result = contract_target().make_client().send_raw(
            "POST", with_version(regenerate_path()), kJson, body);
        check_error_row(result, 400, "InvalidRequestContent");
    }
}

TEST_CASE("a body that breaks RegenerateActionParameter is 400 InvalidRequestContent",
          "[contract][errors]") {
    for (const char* body : {R"({"keyType":"Tertiary"})", R"({"keyType":1})", "[]"}) {
        CAPTURE(body);
        auto result = contract_target().make_client().send_raw(
            "POST", with_version(regenerate_path()), kJson, body);
        check_error_row(result, 400, "InvalidRequestContent");
    }
}
