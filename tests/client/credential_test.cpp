// ClientSecretCredential: the token request it sends, caching until five minutes before expiry,
// the typing of Entra's answers, and that the secret never shows in what it reports.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "fake_transport.hpp"
#include "logicmock/client/credential.hpp"
#include "stub_server.hpp"

using namespace logicmock::client;
using namespace logicmock::client::testing;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

constexpr const char* kSecret = "s3cret+/= value&more";

HttpResponse token_answer(const std::string& token, int expires_in = 3599) {
    return response(200,
                    R"({"token_type":"Bearer","expires_in":)" + std::to_string(expires_in) +
                        R"(,"ext_expires_in":)" + std::to_string(expires_in) +
                        R"(,"access_token":")" + token + "\"}",
                    {{"Content-Type", "application/json; charset=utf-8"}});
}

const std::string kInvalidClient =
    R"({"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: t-1\r\nCorrelation ID: c-1\r\nTimestamp: 2026-01-01 00:00:00Z","error_codes":[7000215],"timestamp":"2026-01-01 00:00:00Z","trace_id":"t-1","correlation_id":"c-1","error_uri":"https://login.microsoftonline.com/error?code=7000215"})";

struct CredentialSetup {
    std::shared_ptr<FakeTransport> transport;
    FakeClock clock;
    ClientSecretCredential credential;

    explicit CredentialSetup(std::deque<AttemptOutcome> script, std::string tenant = "tenant-1")
        : transport(std::make_shared<FakeTransport>(std::move(script))),
          credential(options(std::move(tenant))) {}

  private:
    ClientSecretCredentialOptions options(std::string tenant) {
        ClientSecretCredentialOptions o;
        o.tenant_id = std::move(tenant);
        o.client_id = "client-1";
        o.client_secret = kSecret;
        o.scope = "https://management.azure.com/.default";
        o.environment = clock.environment();
        o.transport = transport;
        return o;
    }
};

const AccessToken& token_of(const TokenOutcome& outcome) {
    REQUIRE(std::holds_alternative<AccessToken>(outcome));
    return std::get<AccessToken>(outcome);
}

}  // namespace

TEST_CASE("the token request is Entra's client-credentials form", "[credential]") {
    CredentialSetup setup({token_answer("tok-1")});
    CHECK(token_of(setup.credential.get_token()).token == "tok-1");

    REQUIRE(setup.transport->requests.size() == 1);
    const HttpRequest& sent = setup.transport->requests[0];
    CHECK(sent.method == "POST");
    CHECK(sent.target == "/tenant-1/oauth2/v2.0/token");
    CHECK(sent.headers.get("Content-Type") == "application/x-www-form-urlencoded");
    CHECK(sent.headers.get("Authorization") == std::nullopt);
    CHECK(sent.body ==
          "grant_type=client_credentials&client_id=client-1"
          "&client_secret=s3cret%2B%2F%3D%20value%26more"
          "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default");
}

TEST_CASE("tenant adfs uses ADFS's token endpoint", "[credential]") {
    CredentialSetup setup({token_answer("tok")}, "adfs");
    token_of(setup.credential.get_token());
    CHECK(setup.transport->requests.at(0).target == "/adfs/oauth2/token");
}

TEST_CASE("a token is reused until five minutes before it expires", "[credential][cache]") {
    CredentialSetup setup({token_answer("first", 3600), token_answer("second", 3600)});
    CHECK(token_of(setup.credential.get_token()).token == "first");

    setup.clock.now += seconds(3600 - 301);  // 301 s left: still good
    CHECK(token_of(setup.credential.get_token()).token == "first");
    CHECK(setup.credential.token_requests() == 1);

    setup.clock.now += seconds(1);  // 300 s left: refreshed
    CHECK(token_of(setup.credential.get_token()).token == "second");
    CHECK(setup.credential.token_requests() == 2);
    CHECK(token_of(setup.credential.get_token()).token == "second");
    CHECK(setup.credential.token_requests() == 2);
}

TEST_CASE("a token living 300 s or less is requested again every time", "[credential][cache]") {
    CredentialSetup setup({token_answer("short", 300)});
    token_of(setup.credential.get_token());
    token_of(setup.credential.get_token());
    CHECK(setup.credential.token_requests() == 2);
}

TEST_CASE("expires_in as a string of digits is accepted", "[credential]") {
    CredentialSetup setup(
        {response(200, R"({"access_token":"t","expires_in":"3599","token_type":"Bearer"})")});
    CHECK(token_of(setup.credential.get_token()).expires_in == seconds(3599));
}

TEST_CASE("Entra's error answer is typed with its codes", "[credential][errors]") {
    CredentialSetup setup({response(401, kInvalidClient, {{"Content-Type", "application/json"}})});
    TokenOutcome outcome = setup.credential.get_token();
    REQUIRE(std::holds_alternative<EntraError>(outcome));
    const auto& error = std::get<EntraError>(outcome);
    CHECK(error.status == 401);
    CHECK(error.error == "invalid_client");
    CHECK(error.error_codes == std::vector<long long>{7000215});
    CHECK(error.description.rfind("AADSTS7000215: Invalid client secret provided.", 0) == 0);
    CHECK(error.trace_id == "t-1");
    CHECK(error.correlation_id == "c-1");
    CHECK(error.timestamp == "2026-01-01 00:00:00Z");
    CHECK(setup.credential.token_requests() == 1);  // a 401 is not retried

    // A failure is not cached: the next call asks again.
    setup.credential.get_token();
    CHECK(setup.credential.token_requests() == 2);
}

TEST_CASE("answers that are neither a token nor an Entra error are contract errors",
          "[credential][errors]") {
    auto contract_path = [](HttpResponse answer) {
        CredentialSetup setup({std::move(answer)});
        TokenOutcome outcome = setup.credential.get_token();
        REQUIRE(std::holds_alternative<ContractError>(outcome));
        return std::get<ContractError>(outcome).path;
    };
    CHECK(contract_path(response(200, R"({"token_type":"Bearer","access_token":"t"})")) ==
          "expires_in");
    CHECK(contract_path(response(200, R"({"expires_in":3599})")) == "access_token");
    CHECK(contract_path(response(200, R"({"expires_in":-5,"access_token":"t"})")) == "expires_in");
    CHECK(contract_path(response(200, R"({"expires_in":99999999999999,"access_token":"t"})")) ==
          "expires_in");
    CHECK(contract_path(response(200, "<html>")) == "");
    CHECK(contract_path(response(400, "Bad Request")) == "error");
    CHECK(contract_path(response(404, R"({"error":{"code":"NotFound","message":"m"}})")) ==
          "error");
}

TEST_CASE("token requests retry 503 and transport failures like ARM calls", "[credential][retry]") {
    CredentialSetup setup({response(503, "", {{"Retry-After", "1"}}),
                           TransportError{TransportError::Kind::Connect, "refused"},
                           token_answer("after-retries")});
    CHECK(token_of(setup.credential.get_token()).token == "after-retries");
    CHECK(setup.credential.token_requests() == 3);
    CHECK(setup.clock.sleeps.at(0) == milliseconds(1000));
}

TEST_CASE("token_provider throws SignInError and the ARM call is never sent",
          "[credential][errors]") {
    CredentialSetup setup({response(401, kInvalidClient)});
    auto arm = std::make_shared<FakeTransport>(std::deque<AttemptOutcome>{response(200)});
    ClientOptions options;
    options.token = setup.credential.token_provider();
    options.transport = arm;
    WorkflowsClient client(options);

    try {
        client.regenerate_access_key(kWorkflow, KeyType::Primary);
        FAIL("no SignInError");
    } catch (const SignInError& e) {
        REQUIRE(std::holds_alternative<EntraError>(e.outcome()));
        CHECK(std::string(e.what()).find("AADSTS7000215") != std::string::npos);
    }
    CHECK(arm->requests.empty());
}

TEST_CASE("a signed-in client sends the cached token on every ARM call", "[credential]") {
    CredentialSetup setup({token_answer("tok-arm")});
    auto arm = std::make_shared<FakeTransport>(std::deque<AttemptOutcome>{response(200)});
    ClientOptions options;
    options.token = setup.credential.token_provider();
    options.transport = arm;
    WorkflowsClient client(options);

    REQUIRE(client.regenerate_access_key(kWorkflow, KeyType::Primary).ok());
    REQUIRE(client.regenerate_access_key(kWorkflow, KeyType::Secondary).ok());
    REQUIRE(arm->requests.size() == 2);
    CHECK(arm->requests[1].headers.get("Authorization") == "Bearer tok-arm");
    CHECK(setup.credential.token_requests() == 1);
}

TEST_CASE("no report of the credential contains the secret", "[credential][secrets]") {
    const std::vector<AttemptOutcome> answers = {
        response(401, kInvalidClient), response(500, std::string("echo ") + kSecret),
        TransportError{TransportError::Kind::Tls, "handshake failed"},
        response(200, R"({"access_token":"t"})")};
    for (const auto& answer : answers) {
        CredentialSetup setup({answer});
        const TokenOutcome outcome = setup.credential.get_token();
        CHECK(describe(outcome).find("s3cret") == std::string::npos);
        CHECK(std::string(SignInError(outcome).what()).find("s3cret") == std::string::npos);
    }
}

TEST_CASE("missing parts are refused before any request", "[credential]") {
    ClientSecretCredentialOptions o;
    o.tenant_id = "t";
    o.client_id = "c";
    CHECK_THROWS_AS(ClientSecretCredential(o), std::invalid_argument);  // no secret
    o.client_secret = "s";
    o.authority_host = "ftp://login";
    CHECK_THROWS_AS(ClientSecretCredential(o), std::invalid_argument);
}

TEST_CASE("the SDKs' AZURE_* variables configure a credential", "[credential][env]") {
    ::unsetenv("AZURE_TENANT_ID");
    ::setenv("AZURE_CLIENT_ID", "c", 1);
    ::setenv("AZURE_CLIENT_SECRET", "s", 1);
    ::unsetenv("AZURE_AUTHORITY_HOST");
    CHECK_FALSE(credential_options_from_environment().has_value());  // all three or nothing

    ::setenv("AZURE_TENANT_ID", "t", 1);
    auto options = credential_options_from_environment();
    REQUIRE(options.has_value());
    CHECK(options->tenant_id == "t");
    CHECK(options->client_id == "c");
    CHECK(options->client_secret == "s");
    CHECK(options->authority_host == "https://login.microsoftonline.com");

    ::setenv("AZURE_AUTHORITY_HOST", "127.0.0.1:8443/", 1);
    CHECK(credential_options_from_environment()->authority_host == "https://127.0.0.1:8443");
    for (const char* name :
         {"AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET", "AZURE_AUTHORITY_HOST"}) {
        ::unsetenv(name);
    }
}

TEST_CASE("scope_for is the endpoint's base URL plus /.default", "[credential]") {
    CHECK(scope_for("https://127.0.0.1:8443") == "https://127.0.0.1:8443/.default");
    CHECK(scope_for("https://management.azure.com/") == "https://management.azure.com/.default");
}

TEST_CASE("over HTTP the token path follows the authority host's path", "[credential][http]") {
    StubServer stub([](const HttpRequest&) { return token_answer("over-http"); });
    ClientSecretCredentialOptions o;
    o.tenant_id = "my tenant";
    o.client_id = "c";
    o.client_secret = "s";
    o.authority_host = stub.url() + "/login";
    ClientSecretCredential credential(o);

    CHECK(token_of(credential.get_token()).token == "over-http");
    auto requests = stub.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].target == "/login/my%20tenant/oauth2/v2.0/token");
    CHECK(requests[0].body.find("client_secret=s&") != std::string::npos);
}
