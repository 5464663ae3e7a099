// OIDC discovery documents, routing next to ARM, and App Service managed identity.

#include <catch2/catch.hpp>

#include "identity/identity_test_support.hpp"
#include "identity/protocol/identity_routes.hpp"
#include "logicmock/seed.hpp"
#include "logicmock/service.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

using Fixture = IdentityFixture;

nlohmann::json document(Fixture& f, const std::string& target, const std::string& host) {
    Request r = get(target);
    r.headers.set("Host", host);
    Response answer = f.service.handle(r);
    INFO(answer.body);
    REQUIRE(answer.status == 200);
    REQUIRE(answer.headers.get("Cache-Control").value_or("") == "max-age=86400, private");
    return nlohmann::json::parse(answer.body);
}

}  // namespace

TEST_CASE("discovery documents point back at the host the client used", "[identity][discovery]") {
    ServiceOptions options;
    options.self_base_url = "http://127.0.0.1:8080";
    options.self_https_base_url = "https://127.0.0.1:8443";
    Fixture f(options);

    auto v2 =
        document(f, "/" + kTenant + "/v2.0/.well-known/openid-configuration", "localhost:8443");
    const std::string root = "https://localhost:8443/" + kTenant;
    REQUIRE(v2["token_endpoint"] == root + "/oauth2/v2.0/token");
    REQUIRE(v2["authorization_endpoint"] == root + "/oauth2/v2.0/authorize");
    REQUIRE(v2["jwks_uri"] == root + "/discovery/v2.0/keys");
    REQUIRE(v2["issuer"] == root + "/v2.0");

    // By default domain: the documents name the tenant id.
    auto by_domain = document(f, "/logicmock.onmicrosoft.com/v2.0/.well-known/openid-configuration",
                              "127.0.0.1:8080");
    REQUIRE(by_domain["token_endpoint"] ==
            "http://127.0.0.1:8080/" + kTenant + "/oauth2/v2.0/token");

    auto v1 = document(f, "/" + kTenant + "/.well-known/openid-configuration", "127.0.0.1:8080");
    REQUIRE(v1["token_endpoint"] == "http://127.0.0.1:8080/" + kTenant + "/oauth2/token");
    REQUIRE(v1["issuer"] == "https://sts.windows.net/" + kTenant + "/");
    REQUIRE(v1["jwks_uri"] == "http://127.0.0.1:8080/" + kTenant + "/discovery/keys");

    auto adfs = document(f, "/adfs/.well-known/openid-configuration", "127.0.0.1:8443");
    REQUIRE(adfs["token_endpoint"] == "https://127.0.0.1:8443/adfs/oauth2/token");
    REQUIRE(adfs["authorization_endpoint"] == "https://127.0.0.1:8443/adfs/oauth2/authorize");
    REQUIRE(adfs["issuer"] == "https://127.0.0.1:8443/adfs");
    REQUIRE(adfs["jwks_uri"] == "https://127.0.0.1:8443/adfs/discovery/keys");

    // A Host header that is not a host name falls back to the server's own URL.
    auto odd = document(f, "/" + kTenant + "/v2.0/.well-known/openid-configuration", "evil\"/host");
    REQUIRE(odd["token_endpoint"] == "http://127.0.0.1:8080/" + kTenant + "/oauth2/v2.0/token");
}

TEST_CASE("identity routes never shadow ARM, the runtime or the admin API", "[identity][routes]") {
    for (const char* target :
         {"/subscriptions/v2.0/.well-known/openid-configuration", "/providers/oauth2/token",
          "/tenants/oauth2/v2.0/token", "/metadata/discovery/keys",
          "/_mock/.well-known/openid-configuration", "/workflows/oauth2/token",
          "/subscriptions?api-version=2019-11-01", "/tenants?api-version=2019-11-01",
          "/metadata/endpoints?api-version=2015-01-01", "/", "/x/oauth2/v2.0/token/extra"}) {
        INFO(target);
        REQUIRE_FALSE(match_identity_route(parse_request_target(target)));
    }
    REQUIRE(match_identity_route(parse_request_target("/t/oauth2/v2.0/token?x=1")));
    REQUIRE(match_identity_route(parse_request_target("//adfs//oauth2/token")));
    REQUIRE(match_identity_route(parse_request_target("/msi/token?api-version=2019-08-01")));

    // A workflow path still reaches ARM.
    Fixture f;
    Request arm = get("/subscriptions/" + std::string("34adfa4f-cedf-4dc0-ba29-b6d1a69ab345") +
                      "/resourceGroups/testResourceGroup/providers/Microsoft.Logic/workflows/"
                      "testWorkflowName?api-version=2019-05-01");
    arm.headers.set("Authorization", "Bearer x");
    REQUIRE(f.service.handle(arm).status == 200);
}

TEST_CASE("managed identity answers App Service's 2019-08-01 protocol", "[identity][msi]") {
    Fixture f;
    auto ask = [&](const std::string& query, const std::string& header) {
        Request r = get("/msi/token?" + query);
        if (!header.empty()) r.headers.set("X-IDENTITY-HEADER", header);
        return f.service.handle(r);
    };
    const std::string query = "api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azure.com";
    Response r = ask(query, "logicmock-identity-header");
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto body = nlohmann::json::parse(r.body);
    REQUIRE(body["resource"] == "https://management.azure.com");
    REQUIRE(body["token_type"] == "Bearer");
    REQUIRE(body["client_id"] == kClientId);
    REQUIRE(std::stoll(body["expires_on"].get<std::string>()) -
                std::stoll(body["not_before"].get<std::string>()) ==
            3600);
    auto claims = jwt_claims(body["access_token"]);
    REQUIRE(claims["aud"] == "https://management.azure.com");
    REQUIRE(claims["oid"] == kObjectId);
    REQUIRE(claims["tid"] == kTenant);

    REQUIRE(ask(query + "&client_id=" + kClientId, "logicmock-identity-header").status == 200);
    REQUIRE(ask(query + "&principal_id=" + kObjectId, "logicmock-identity-header").status == 200);

    for (const std::string& header : {std::string(), std::string("wrong")}) {
        Response refused = ask(query, header);
        REQUIRE(refused.status == 401);
        REQUIRE(nlohmann::json::parse(refused.body)["error"] == "invalid_request");
    }
    REQUIRE(ask("api-version=2017-09-01&resource=x", "logicmock-identity-header").status == 400);
    REQUIRE(ask("api-version=2019-08-01", "logicmock-identity-header").status == 400);
    REQUIRE(
        ask(query + "&client_id=00000000-1111-4222-8333-444444444444", "logicmock-identity-header")
            .status == 400);
    REQUIRE(ask(query + "&client_id=a&object_id=b", "logicmock-identity-header").status == 400);
    // A resource that is not UTF-8 is the caller's mistake, not a token to sign.
    Response latin1 = ask("api-version=2019-08-01&resource=https%3A%2F%2Fmanagement.azur%E5.com",
                          "logicmock-identity-header");
    REQUIRE(latin1.status == 400);
    REQUIRE(nlohmann::json::parse(latin1.body)["error"] == "invalid_request");
}
