// The fake Entra ID's token endpoints through Service::handle: each error row of
// entra-id.md §3 in Entra's order, the token's claims, the v1 and ADFS shapes, Basic auth and
// malformed requests.

#include <catch2/catch.hpp>

#include "identity/identity_test_support.hpp"
#include "logicmock/seed.hpp"
#include "logicmock/service.hpp"
#include "util/base64.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

using Fixture = IdentityFixture;

std::string description(const Response& r) {
    return nlohmann::json::parse(r.body)["error_description"];
}

std::int64_t now_s() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

TEST_CASE("a client-credentials grant gets an RS256 ARM token with v1 claims", "[identity]") {
    Fixture f;
    Response r = f.handle(token_request());
    INFO(r.body);
    REQUIRE(r.status == 200);
    REQUIRE(r.headers.get("Cache-Control").value_or("") == "no-store, no-cache");
    REQUIRE(r.headers.get("Pragma").value_or("") == "no-cache");
    auto body = nlohmann::json::parse(r.body);
    REQUIRE(body["token_type"] == "Bearer");
    REQUIRE(body["expires_in"] == 3600);
    REQUIRE(body["ext_expires_in"] == 3600);
    const std::string token = body["access_token"];
    auto header = jwt_header(token);
    REQUIRE(header["alg"] == "RS256");
    REQUIRE(header["typ"] == "JWT");
    REQUIRE(header["kid"] == header["x5t"]);
    auto claims = jwt_claims(token);
    REQUIRE(claims["aud"] == "https://management.azure.com");
    REQUIRE(claims["iss"] == "https://sts.windows.net/" + kTenant + "/");
    REQUIRE(claims["tid"] == kTenant);
    REQUIRE(claims["oid"] == kObjectId);
    REQUIRE(claims["sub"] == kObjectId);
    REQUIRE(claims["appid"] == kClientId);
    REQUIRE(claims["appidacr"] == "1");
    REQUIRE(claims["idtyp"] == "app");
    REQUIRE(claims["ver"] == "1.0");
    REQUIRE(claims["exp"].get<std::int64_t>() - claims["iat"].get<std::int64_t>() == 3600);
    REQUIRE(claims["nbf"] == claims["iat"]);
    REQUIRE(std::abs(claims["iat"].get<std::int64_t>() - now_s()) <= 5);

    // The JWKS serves the key the token names.
    Response keys = f.handle(get("/" + kTenant + "/discovery/v2.0/keys"));
    REQUIRE(keys.status == 200);
    auto jwks = nlohmann::json::parse(keys.body)["keys"];
    REQUIRE(jwks.size() == 1);
    REQUIRE(jwks[0]["kid"] == header["kid"]);
    REQUIRE(jwks[0]["kty"] == "RSA");
    REQUIRE(jwks[0]["e"] == "AQAB");
    Response common = f.handle(get("/common/discovery/keys"));
    REQUIRE(common.status == 200);
    REQUIRE(nlohmann::json::parse(common.body)["keys"][0]["n"] == jwks[0]["n"]);
}

TEST_CASE("the CLI's double-slash scope keeps its trailing slash in aud", "[identity]") {
    Fixture f;
    Response r = f.handle(
        token_request(kTenant, kSecret, "https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default"));
    REQUIRE(r.status == 200);
    auto claims = jwt_claims(nlohmann::json::parse(r.body)["access_token"]);
    REQUIRE(claims["aud"] == "https://management.core.windows.net/");
}

TEST_CASE("the tenant may be named by its default domain, --token-lifetime sets expires_in",
          "[identity]") {
    ServiceOptions options;
    options.token_lifetime_s = 600;
    Fixture f(options);
    Response r = f.handle(token_request("logicmock.onmicrosoft.com"));
    REQUIRE(r.status == 200);
    auto body = nlohmann::json::parse(r.body);
    REQUIRE(body["expires_in"] == 600);
    REQUIRE(jwt_claims(body["access_token"])["tid"] == kTenant);
}

TEST_CASE("v1 and ADFS token endpoints", "[identity]") {
    Fixture f;
    const std::string base =
        "client_id=" + kClientId + "&grant_type=client_credentials&client_secret=" + kSecret;
    SECTION("v1 takes resource and answers with string numbers") {
        Response r = f.handle(form_post("/" + kTenant + "/oauth2/token",
                                        base + "&resource=https%3A%2F%2Fmanagement.azure.com%2F"));
        REQUIRE(r.status == 200);
        auto body = nlohmann::json::parse(r.body);
        REQUIRE(body["expires_in"] == "3600");
        REQUIRE(body["ext_expires_in"] == "3600");
        REQUIRE(body["resource"] == "https://management.azure.com/");
        REQUIRE(std::stoll(body["expires_on"].get<std::string>()) -
                    std::stoll(body["not_before"].get<std::string>()) ==
                3600);
        REQUIRE(jwt_claims(body["access_token"])["aud"] == "https://management.azure.com/");
        require_entra_error(f.handle(form_post("/" + kTenant + "/oauth2/token", base)), 400,
                            "invalid_request", 900144);
    }
    SECTION("ADFS takes the CLI's scope and signs in to the first tenant") {
        Response r = f.handle(
            form_post("/adfs/oauth2/token",
                      base + "&scope=https%3A%2F%2Fmanagement.core.windows.net%2F%2F.default"));
        REQUIRE(r.status == 200);
        auto body = nlohmann::json::parse(r.body);
        REQUIRE(body["expires_in"] == 3600);
        REQUIRE(jwt_claims(body["access_token"])["tid"] == kTenant);
    }
    SECTION("v2 refuses resource") {
        require_entra_error(
            f.handle(form_post("/" + kTenant + "/oauth2/v2.0/token",
                               base + "&resource=https%3A%2F%2Fmanagement.azure.com%2F")),
            400, "invalid_request", 901002);
    }
}

TEST_CASE("HTTP Basic carries the client id and secret", "[identity]") {
    Fixture f;
    Request r = form_post("/" + kTenant + "/oauth2/v2.0/token",
                          "grant_type=client_credentials&scope=" + kArmScope);
    r.headers.set("Authorization", "Basic " + base64_encode(kClientId + ":" + kSecret,
                                                            Base64Alphabet::Standard, true));
    REQUIRE(f.handle(r).status == 200);
    r.headers.set("Authorization",
                  "Basic " + base64_encode(kClientId + ":wrong", Base64Alphabet::Standard, true));
    require_entra_error(f.handle(r), 401, "invalid_client", 7000215);
    r.headers.set("Authorization", "Basic !!!");
    require_entra_error(f.handle(r), 400, "invalid_request", 90100);
}

TEST_CASE("every Entra error row, with its text", "[identity][errors]") {
    Fixture f;
    const std::string path = "/" + kTenant + "/oauth2/v2.0/token";

    Response wrong = f.handle(token_request(kTenant, "not-the-secret"));
    require_entra_error(wrong, 401, "invalid_client", 7000215);
    REQUIRE(description(wrong).rfind(
                "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in "
                "the request is the client secret value, not the client secret ID, for a secret "
                "added to app '" +
                    kClientId + "'.\r\n",
                0) == 0);
    REQUIRE(nlohmann::json::parse(wrong.body)["error_uri"] ==
            "https://login.microsoftonline.com/error?code=7000215");

    Response missing = f.handle(form_post(
        path, "client_id=" + kClientId + "&grant_type=client_credentials&scope=" + kArmScope));
    require_entra_error(missing, 401, "invalid_client", 7000218);
    REQUIRE(description(missing).rfind("AADSTS7000218: The request body must contain the "
                                       "following parameter: 'client_assertion' or "
                                       "'client_secret'.\r\n",
                                       0) == 0);

    const std::string stranger = "00000000-1111-4222-8333-444444444444";
    Response unknown_app = f.handle(
        form_post(path, "client_id=" + stranger +
                            "&grant_type=client_credentials&client_secret=x&scope=" + kArmScope));
    require_entra_error(unknown_app, 400, "unauthorized_client", 700016);
    REQUIRE(description(unknown_app)
                .rfind("AADSTS700016: Application with identifier '" + stranger +
                           "' was not found in the directory 'logicmock'. This can happen if the "
                           "application has not been installed by the administrator of the "
                           "tenant or consented to by any user in the tenant. You may have sent "
                           "your authentication request to the wrong tenant.\r\n",
                       0) == 0);

    for (const std::string& tenant : {std::string("11111111-2222-4333-8444-555555555555"),
                                      std::string("nobody.onmicrosoft.com")}) {
        Response unknown_tenant = f.handle(token_request(tenant));
        require_entra_error(unknown_tenant, 400, "invalid_tenant", 90002);
        REQUIRE(description(unknown_tenant)
                    .rfind("AADSTS90002: Tenant '" + tenant +
                               "' not found. Check to make sure you have the correct tenant ID "
                               "and are signing into the correct cloud. Check with your "
                               "subscription administrator, this may happen if there are no "
                               "active subscriptions for the tenant.\r\n",
                           0) == 0);
        require_entra_error(f.handle(get("/" + tenant + "/v2.0/.well-known/openid-configuration")),
                            400, "invalid_tenant", 90002);
    }

    Response grant = f.handle(
        form_post(path, "client_id=" + kClientId + "&grant_type=password&scope=" + kArmScope));
    require_entra_error(grant, 400, "unsupported_grant_type", 70003);
    REQUIRE(description(grant).rfind(
                "AADSTS70003: The app requested an unsupported grant type 'password'.\r\n", 0) ==
            0);

    for (const char* name : {"grant_type", "client_id", "scope"}) {
        std::string body = "client_id=" + kClientId +
                           "&grant_type=client_credentials&client_secret=" + kSecret +
                           "&scope=" + kArmScope;
        const std::string field = std::string(name) + "=";
        const auto at = body.find(field);
        const auto end = body.find('&', at);
        body.erase(at, end == std::string::npos ? std::string::npos : end - at + 1);
        Response r = f.handle(form_post(path, body));
        require_entra_error(r, 400, "invalid_request", 900144);
        REQUIRE(description(r).rfind("AADSTS900144: The request body must contain the following "
                                     "parameter: '" +
                                         std::string(name) + "'.\r\n",
                                     0) == 0);
    }

    for (const std::string& scope :
         {std::string("https%3A%2F%2Fmanagement.azure.com%2Fuser_impersonation"),
          std::string("not-a-resource%2F.default"), kArmScope + "+" + kArmScope}) {
        Response r = f.handle(token_request(kTenant, kSecret, scope));
        require_entra_error(r, 400, "invalid_scope", 70011);
        REQUIRE_THAT(description(r),
                     Catch::StartsWith("AADSTS70011: The provided value for the input parameter "
                                       "'scope' is not valid. The scope "));
    }
}

TEST_CASE("the correlation id echoes client-request-id", "[identity][errors]") {
    Fixture f;
    Request r = token_request(kTenant, "wrong");
    r.headers.set("client-request-id", "0f0e0d0c-0b0a-4909-8807-060504030201");
    Response answer = f.handle(r);
    REQUIRE(nlohmann::json::parse(answer.body)["correlation_id"] ==
            "0f0e0d0c-0b0a-4909-8807-060504030201");
    REQUIRE(answer.headers.get("client-request-id").value_or("") ==
            "0f0e0d0c-0b0a-4909-8807-060504030201");
}

TEST_CASE("malformed token requests are Entra 400s, never 5xx", "[identity][hostile]") {
    Fixture f;
    const std::string path = "/" + kTenant + "/oauth2/v2.0/token";
    const std::string good = "client_id=" + kClientId +
                             "&grant_type=client_credentials&client_secret=" + kSecret +
                             "&scope=" + kArmScope;
    // A parameter twice, and broken percent escapes, name the parameter.
    Response twice = f.handle(form_post(path, good + "&client_secret=other"));
    require_entra_error(twice, 400, "invalid_request", 90100);
    REQUIRE_THAT(description(twice), Catch::Contains("'client_secret'"));
    require_entra_error(f.handle(form_post(path, good + "&scope=%zz")), 400, "invalid_request",
                        90100);
    require_entra_error(f.handle(form_post(path, good + "%")), 400, "invalid_request", 90100);
    // Bytes that are not UTF-8 in a value (the fuzzer's find: a scope that became an aud claim).
    const std::string latin1_scope = "client_id=" + kClientId +
                                     "&grant_type=client_credentials&client_secret=" + kSecret +
                                     "&scope=https%3A%2F%2Fmanagement.azur%E5.com%2F.default";
    Response not_utf8 = f.handle(form_post(path, latin1_scope));
    require_entra_error(not_utf8, 400, "invalid_request", 90100);
    REQUIRE_THAT(description(not_utf8), Catch::Contains("'scope'"));
    require_entra_error(f.handle(form_post(path, latin1_scope + "&na%FFme=1")), 400,
                        "invalid_request", 90100);
    // Not a form: Entra reads no parameters at all.
    Request json = form_post(path, R"({"grant_type":"client_credentials"})");
    json.headers.set("Content-Type", "application/json");
    require_entra_error(f.handle(json), 400, "invalid_request", 900144);
    // A huge body is refused unparsed.
    require_entra_error(f.handle(form_post(path, good + "&x=" + std::string(70 * 1024, 'a'))), 400,
                        "invalid_request", 90100);
    // GET on a token endpoint.
    Request get_token = get(path);
    require_entra_error(f.handle(get_token), 400, "invalid_request", 900561);
    // Garbage bytes never produce a 5xx.
    for (const std::string& body :
         {std::string("&&&==&="), std::string("\0\0\xff\xfe", 4), std::string("=%00&%ff=%"),
          std::string(1000, '&'), std::string("grant_type=client_credentials&client_id=%00")}) {
        Response r = f.handle(form_post(path, body));
        REQUIRE(r.status >= 400);
        REQUIRE(r.status < 500);
    }
}

TEST_CASE("with --identity accept-any any client id with a secret gets in", "[identity]") {
    ServiceOptions options;
    options.identity = IdentityPolicy::AcceptAny;
    Fixture f(options);
    const std::string path = "/" + kTenant + "/oauth2/v2.0/token";
    const std::string stranger = "00000000-1111-4222-8333-444444444444";
    auto ask = [&](const std::string& client, const std::string& secret) {
        return f.handle(form_post(
            path, "client_id=" + client + "&grant_type=client_credentials&client_secret=" + secret +
                      "&scope=" + kArmScope));
    };
    Response r = ask(stranger, "anything");
    REQUIRE(r.status == 200);
    auto claims = jwt_claims(nlohmann::json::parse(r.body)["access_token"]);
    REQUIRE(claims["appid"] == stranger);
    REQUIRE_THAT(claims["oid"].get<std::string>(), Catch::Matches("[0-9a-f-]{36}"));
    REQUIRE(claims["oid"] != stranger);
    // The object id is derived, so it is the same on every sign-in.
    REQUIRE(jwt_claims(nlohmann::json::parse(ask(stranger, "other").body)["access_token"])["oid"] ==
            claims["oid"]);
    require_entra_error(ask(stranger, ""), 401, "invalid_client", 7000218);
    // The seed's principal keeps its own secret.
    require_entra_error(ask(kClientId, "wrong"), 401, "invalid_client", 7000215);
}

TEST_CASE("by default only seeded principals get tokens", "[identity]") {
    Fixture f;
    auto principals = f.store->tenants()[0].service_principals;
    REQUIRE(principals.size() == 1);
    REQUIRE(f.handle(token_request()).status == 200);
    REQUIRE(f.store->revoke_secret(kTenant, kClientId, kSecret));
    require_entra_error(f.handle(token_request()), 401, "invalid_client", 7000215);
}

TEST_CASE("a token request over --max-body-bytes gets Entra's 400 and ARM's paths keep 413",
          "[identity][hostile]") {
    Fixture f;
    require_entra_error(f.service.transport_error(token_request(), 413), 400, "invalid_request",
                        90100);
    Request arm = token_request();
    arm.target = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Logic/workflows/w";
    REQUIRE(f.service.transport_error(arm, 413).status == 413);
}

TEST_CASE("accept-any gives a user's own tenant GUID tokens, seeded does not", "[identity]") {
    const std::string own_tenant = "0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9";
    IdentityFixture seeded;
    require_entra_error(seeded.handle(token_request(own_tenant)), 400, "invalid_tenant", 90002);

    ServiceOptions options;
    options.identity = IdentityPolicy::AcceptAny;
    IdentityFixture any(options);
    const Response r = any.handle(token_request(own_tenant, "any-secret"));
    REQUIRE(r.status == 200);
    const auto claims = jwt_claims(nlohmann::json::parse(r.body)["access_token"]);
    CHECK(claims["tid"] == "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");
    // Names that are not GUIDs stay unknown.
    require_entra_error(any.handle(token_request("contoso.example")), 400, "invalid_tenant", 90002);
}
