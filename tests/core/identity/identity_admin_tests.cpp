// The fake Entra ID in the journal, under fault rules and through the admin API: secrets and
// issued tokens never reach the journal; rules target identity operations; principals are
// listed without secrets and a secret can be revoked.

#include <catch2/catch.hpp>

#include "admin/admin_api.hpp"
#include "identity/identity_test_support.hpp"
#include "logicmock/journal.hpp"
#include "logicmock/mock_admin.hpp"
#include "logicmock/seed.hpp"
#include "logicmock/service.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

struct Fixture {
    Fixture() : store(make_memory_store(default_seed())), service(ServiceOptions{}, store) {}
    std::shared_ptr<WorkflowStore> store;
    Service service;
};

Request admin(const std::string& method, const std::string& target, const std::string& body = "") {
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    if (!body.empty()) r.headers.set("Content-Type", "application/json");
    return r;
}

}  // namespace

TEST_CASE("token requests are journaled without secrets or tokens", "[identity][journal]") {
    Fixture f;
    MockAdmin mock(f.service);
    Response issued = f.service.handle(token_request());
    REQUIRE(issued.status == 200);
    const std::string token = nlohmann::json::parse(issued.body)["access_token"];
    Request assertion = form_post("/" + kTenant + "/oauth2/v2.0/token",
                                  "client_id=" + kClientId +
                                      "&grant_type=client_credentials&client_assertion_type=urn&"
                                      "client_assertion=eyJhbGciOi.secret-part.sig&scope=" +
                                      kArmScope);
    require_entra_error(f.service.handle(assertion), 401, "invalid_client", 7000218);

    auto entries = mock.journal(JournalFilter().by_operation("Entra_Token"));
    REQUIRE(entries.size() == 2);
    REQUIRE(entries[0].status == 200);
    REQUIRE(entries[0].operation == "Entra_Token");
    REQUIRE_THAT(entries[0].body, Catch::Contains("client_secret=REDACTED"));
    REQUIRE_THAT(entries[0].body, Catch::Contains("client_id=" + kClientId));
    REQUIRE_THAT(entries[1].body, Catch::Contains("client_assertion=REDACTED"));
    REQUIRE(entries[1].error_code == "AADSTS7000218");
    for (const auto& entry : entries) {
        REQUIRE(entry.body.find(kSecret) == std::string::npos);
        REQUIRE(entry.body.find("secret-part") == std::string::npos);
        REQUIRE(entry.body.find(token.substr(0, 40)) == std::string::npos);
        REQUIRE(entry.error_message.find(token.substr(0, 40)) == std::string::npos);
    }
    REQUIRE(mock.journal(JournalFilter().by_operation("Token")).size() == 2);
}

TEST_CASE("fault rules target identity operations and answer in Entra's shape",
          "[identity][faults]") {
    Fixture f;
    MockAdmin mock(f.service);
    mock.add_fault(R"({"match":{"operation":"Entra_Token"},"after":2,"times":1,
        "action":{"error":{"status":401,"code":"invalid_client",
        "message":"AADSTS7000215: Invalid client secret provided."}}})");
    REQUIRE(f.service.handle(token_request()).status == 200);
    REQUIRE(f.service.handle(token_request()).status == 200);
    Response third = f.service.handle(token_request());
    require_entra_error(third, 401, "invalid_client", 7000215);
    REQUIRE(f.service.handle(token_request()).status == 200);
    // Discovery is not a token call: untouched.
    REQUIRE(
        f.service.handle(get("/" + kTenant + "/v2.0/.well-known/openid-configuration")).status ==
        200);

    mock.add_fault(R"({"match":{"operation":"Entra_*"},"times":1,
        "action":{"preset":"ServiceUnavailable"}})");
    Response unavailable = f.service.handle(get("/" + kTenant + "/discovery/v2.0/keys"));
    REQUIRE(unavailable.status == 503);
    auto body = nlohmann::json::parse(unavailable.body);
    REQUIRE(body["error"] == "ServiceUnavailable");
    REQUIRE(body["error_description"].is_string());
    REQUIRE(mock.journal(JournalFilter().by_status(503)).at(0).fault_action ==
            "preset:ServiceUnavailable");
}

TEST_CASE("the admin API lists principals without secrets and revokes one", "[identity][admin]") {
    Fixture f;
    Response listed = handle_admin(f.service, admin("GET", "/_mock/principals"));
    REQUIRE(listed.status == 200);
    REQUIRE(listed.body.find(kSecret) == std::string::npos);
    auto value = nlohmann::json::parse(listed.body)["value"];
    REQUIRE(value.size() == 1);
    REQUIRE(value[0]["clientId"] == kClientId);
    REQUIRE(value[0]["objectId"] == kObjectId);
    REQUIRE(value[0]["tenantId"] == kTenant);
    REQUIRE(value[0]["displayName"] == "logicmock-dev");
    REQUIRE(value[0]["secretCount"] == 1);

    const std::string revoke = "/_mock/principals/" + kClientId + "/revokeSecret";
    Response wrong = handle_admin(f.service, admin("POST", revoke, R"({"secret":"nope"})"));
    REQUIRE(wrong.status == 404);
    REQUIRE(nlohmann::json::parse(wrong.body)["error"]["code"] == "SecretNotFound");
    Response bad = handle_admin(f.service, admin("POST", revoke, "[1]"));
    REQUIRE(bad.status == 400);
    REQUIRE(nlohmann::json::parse(bad.body)["error"]["code"] == "InvalidSecretRevocation");
    REQUIRE(f.service.handle(token_request()).status == 200);

    REQUIRE(handle_admin(f.service, admin("POST", revoke, R"({"secret":")" + kSecret + R"("})"))
                .status == 204);
    require_entra_error(f.service.handle(token_request()), 401, "invalid_client", 7000215);
    REQUIRE(nlohmann::json::parse(handle_admin(f.service, admin("GET", "/_mock/principals"))
                                      .body)["value"][0]["secretCount"] == 0);

    REQUIRE(handle_admin(f.service, admin("POST", "/_mock/reset")).status == 204);
    REQUIRE(f.service.handle(token_request()).status == 200);
}
