// The client through a proxy, over real sockets: a fake proxy on 127.0.0.1 records what the
// client sends it and refuses (or pretends to open) the tunnel. Nothing is relayed anywhere:
// the default Azure endpoints are named in CONNECT but never resolved or contacted.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <optional>

#include "fake_proxy.hpp"
#include "fake_transport.hpp"
#include "logicmock/client/credential.hpp"
#include "proxy_settings.hpp"
#include "stub_server.hpp"

using namespace logicmock::client;
using namespace logicmock::client::testing;
using std::chrono::milliseconds;

namespace {

constexpr const char* kForbidden = "403 Forbidden";

// Sets (or unsets, with nullopt) an environment variable for one test and restores it after.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value->c_str(), 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_, old_->c_str(), 1);
        } else {
            ::unsetenv(name_);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
};

// The default Azure endpoint, through `proxy_url`, with a fake clock; NO_PROXY of the
// environment replaced so the test does not depend on it.
ClientOptions through(const std::string& proxy_url, FakeClock& clock) {
    ClientOptions options;  // base_url https://management.azure.com
    options.token = fixed_token("arm-token");
    options.proxy = {ProxyOptions::Mode::Fixed, proxy_url, ""};
    options.environment = clock.environment();
    options.timeouts.connect = milliseconds(5000);
    options.timeouts.read = milliseconds(5000);
    return options;
}

std::string with_credentials(const FakeProxy& proxy, const std::string& user_info) {
    return "http://" + user_info + "@127.0.0.1:" + std::to_string(proxy.port());
}

}  // namespace

TEST_CASE("https through a proxy: CONNECT management.azure.com:443, a refusal is typed",
          "[proxy][connect]") {
    FakeProxy proxy(proxy_answer(kForbidden));
    FakeClock clock;
    WorkflowsClient client(through(proxy.url(), clock));

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);

    const auto requests = proxy.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].request_line == "CONNECT management.azure.com:443 HTTP/1.1");
    CHECK(requests[0].headers.get("Host") == "management.azure.com:443");
    CHECK(requests[0].headers.get("User-Agent") == "logicmock-client/0.1");
    CHECK_FALSE(requests[0].headers.contains("Proxy-Authorization"));
    CHECK_FALSE(requests[0].headers.contains("Authorization"));  // the ARM token stays inside

    REQUIRE(result.transport_error());
    const TransportError& error = *result.transport_error();
    CHECK(error.kind == TransportError::Kind::Proxy);
    CHECK(to_string(error.kind) == "proxy");
    CHECK(error.proxy_status == 403);
    CHECK(error.proxy == proxy.url());
    CHECK_THAT(error.message, Catch::Contains(proxy.url()) && Catch::Contains("403 Forbidden") &&
                                  Catch::Contains("management.azure.com:443"));
    CHECK_FALSE(result.response.has_value());
    // A refusal is an answer, not a glitch: asked once, never retried.
    CHECK(result.attempts == 1);
    CHECK(clock.sleeps.empty());
}

TEST_CASE("proxy credentials are sent as Proxy-Authorization: Basic, and never reported",
          "[proxy][connect][secrets]") {
    FakeProxy proxy(proxy_answer("407 Proxy Authentication Required"));
    FakeClock clock;
    WorkflowsClient client(through(with_credentials(proxy, "alice:s3cret%21"), clock));

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);

    const auto requests = proxy.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].request_line == "CONNECT management.azure.com:443 HTTP/1.1");
    CHECK(requests[0].headers.get("Proxy-Authorization") == "Basic YWxpY2U6czNjcmV0IQ==");
    CHECK(requests[0].headers.count("Proxy-Authorization") == 1);

    REQUIRE(result.transport_error());
    const TransportError& error = *result.transport_error();
    CHECK(error.kind == TransportError::Kind::Proxy);
    CHECK(error.proxy_status == 407);
    CHECK(error.proxy == proxy.url());  // without the credentials
    CHECK_THAT(error.message, Catch::Contains("407") && Catch::Contains("credentials"));
    CHECK(error.message.find("s3cret") == std::string::npos);
    CHECK(error.message.find("alice") == std::string::npos);
    CHECK(result.attempts == 1);
}

TEST_CASE("a proxy's 502 to CONNECT is retried like a 502 from ARM", "[proxy][connect][retry]") {
    FakeProxy proxy(proxy_answer("502 Bad Gateway"));
    FakeClock clock;
    WorkflowsClient client(through(proxy.url(), clock));

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);

    REQUIRE(result.transport_error());
    CHECK(result.transport_error()->kind == TransportError::Kind::Proxy);
    CHECK(result.transport_error()->proxy_status == 502);
    CHECK(result.attempts == 4);
    CHECK(proxy.requests().size() == 4);
    // Exponential back-off between the attempts (no jitter with the fake random 0.5).
    CHECK(clock.sleeps == std::vector{milliseconds(800), milliseconds(1600), milliseconds(3200)});
}

TEST_CASE("sign-in goes through the proxy too: CONNECT login.microsoftonline.com:443",
          "[proxy][connect][credential]") {
    FakeProxy proxy(proxy_answer(kForbidden));
    FakeClock clock;
    ClientSecretCredentialOptions options;  // authority https://login.microsoftonline.com
    options.tenant_id = "tenant-1";
    options.client_id = "client-1";
    options.client_secret = "client-s3cret";
    options.proxy = {ProxyOptions::Mode::Fixed, with_credentials(proxy, "bob:pw"), ""};
    options.environment = clock.environment();
    ClientSecretCredential credential(options);

    const TokenOutcome outcome = credential.get_token();

    const auto requests = proxy.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].request_line == "CONNECT login.microsoftonline.com:443 HTTP/1.1");
    CHECK(requests[0].headers.get("Host") == "login.microsoftonline.com:443");
    CHECK(requests[0].headers.get("Proxy-Authorization") == "Basic Ym9iOnB3");
    REQUIRE(std::holds_alternative<TransportError>(outcome));
    CHECK(std::get<TransportError>(outcome).kind == TransportError::Kind::Proxy);
    CHECK(std::get<TransportError>(outcome).proxy_status == 403);
    CHECK_THAT(describe(outcome), Catch::StartsWith("proxy: ") && Catch::Contains(proxy.url()));
    CHECK(describe(outcome).find("client-s3cret") == std::string::npos);
    CHECK(credential.token_requests() == 1);
}

TEST_CASE("a proxy that is down is a connect failure naming the proxy, retried with back-off",
          "[proxy][connect][transport]") {
    FakeClock clock;
    const std::string down = "http://127.0.0.1:" + std::to_string(closed_port());
    WorkflowsClient client(through(down, clock));

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);

    REQUIRE(result.transport_error());
    const TransportError& error = *result.transport_error();
    CHECK(error.kind == TransportError::Kind::Connect);
    CHECK(error.proxy == down);
    CHECK_THAT(error.message, Catch::StartsWith("could not connect to proxy " + down));
    CHECK(result.attempts == 4);
    CHECK(clock.sleeps == std::vector{milliseconds(800), milliseconds(1600), milliseconds(3200)});
}

TEST_CASE("after 200 Connection established the client starts TLS inside the tunnel",
          "[proxy][connect][tls]") {
    // The fake proxy says yes and hangs up: the TLS handshake with the target fails.
    FakeProxy proxy("HTTP/1.1 200 Connection established\r\n\r\n");
    FakeClock clock;
    ClientOptions options = through(proxy.url(), clock);
    options.retry.max_retries = 0;
    WorkflowsClient client(options);

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);

    REQUIRE(proxy.requests().size() == 1);
    REQUIRE(result.transport_error());
    CHECK(result.transport_error()->kind == TransportError::Kind::Tls);
    CHECK(result.transport_error()->proxy == proxy.url());
    CHECK_THAT(result.transport_error()->message,
               Catch::Contains("https://management.azure.com through proxy " + proxy.url()));
}

TEST_CASE("http through a proxy: an absolute-form request, Proxy-Authorization on it",
          "[proxy][http]") {
    FakeProxy proxy(proxy_answer(kForbidden));
    FakeClock clock;
    ClientOptions options = through(with_credentials(proxy, "carol:pw"), clock);
    options.base_url = "http://169.254.169.254";
    WorkflowsClient client(options);

    auto result = client.regenerate_access_key(kWorkflow, KeyType::Primary);

    const auto requests = proxy.requests();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].request_line == "POST http://169.254.169.254:80" +
                                          action_target(kWorkflow, "regenerateAccessKey") +
                                          " HTTP/1.1");
    CHECK(requests[0].headers.get("Host") == "169.254.169.254");
    CHECK(requests[0].headers.get("Proxy-Authorization") == "Basic Y2Fyb2w6cHc=");
    CHECK(requests[0].headers.get("Authorization") == "Bearer arm-token");
    // Without a tunnel the proxy's answer is the response (as with curl and Go).
    CHECK(result.status() == 403);
    CHECK_FALSE(result.transport_error());
}

TEST_CASE("the default options read HTTPS_PROXY and NO_PROXY from the environment",
          "[proxy][env]") {
    FakeProxy proxy(proxy_answer(kForbidden));
    ScopedEnv https_proxy("HTTPS_PROXY", proxy.url());
    ScopedEnv lower_https_proxy("https_proxy", std::nullopt);
    ScopedEnv no_proxy("NO_PROXY", std::nullopt);
    ScopedEnv lower_no_proxy("no_proxy", std::nullopt);
    FakeClock clock;
    ClientOptions options;
    options.token = fixed_token("arm-token");
    options.environment = clock.environment();

    SECTION("an Azure endpoint goes through the proxy") {
        auto result = WorkflowsClient(options).regenerate_access_key(kWorkflow, KeyType::Primary);
        REQUIRE(proxy.requests().size() == 1);
        CHECK(proxy.requests()[0].request_line == "CONNECT management.azure.com:443 HTTP/1.1");
        REQUIRE(result.transport_error());
        CHECK(result.transport_error()->proxy_status == 403);
    }
    SECTION("NO_PROXY from the environment bypasses it") {
        // Checked on the rules, not on a call: a direct call would leave the machine.
        ScopedEnv bypass("NO_PROXY", ".azure.com");
        const ProxyRules rules = proxy_rules(options.proxy, process_environment());
        CHECK(rules.https_proxy == proxy.url());
        CHECK(rules.https_source == "HTTPS_PROXY");
        CHECK(rules.no_proxy == ".azure.com");
        CHECK_FALSE(select_proxy(rules, "https", "management.azure.com", 443));
        CHECK(proxy.requests().empty());
    }
    SECTION("a loopback target is reached directly") {
        StubServer stub([](const HttpRequest&) { return response(200); });
        ScopedEnv http_proxy("HTTP_PROXY", proxy.url());
        options.base_url = stub.url();
        auto result = WorkflowsClient(options).regenerate_access_key(kWorkflow, KeyType::Primary);
        CHECK(result.ok());
        CHECK(stub.requests().size() == 1);
        CHECK(proxy.requests().empty());
    }
    SECTION("a malformed HTTPS_PROXY is a ProxyConfigError when the client is made") {
        ScopedEnv bad("HTTPS_PROXY", "socks5://alice:s3cret@proxy:1080");
        try {
            WorkflowsClient client(options);
            FAIL("no ProxyConfigError");
        } catch (const ProxyConfigError& e) {
            CHECK(e.source() == "HTTPS_PROXY");
            CHECK(std::string(e.what()).find("s3cret") == std::string::npos);
        }
    }
}

TEST_CASE("SSL_CERT_FILE is the CA bundle unless ca_file is given", "[proxy][ca][tls]") {
    // Loading the bundle fails (no such file) before any certificate is seen, so the TLS error
    // names the bundle that was chosen. The stub speaks plain HTTP; TCP is all that is needed.
    StubServer stub([](const HttpRequest&) { return response(200); });
    ScopedEnv cert_file("SSL_CERT_FILE", "/nonexistent/logicmock-env-ca.pem");
    FakeClock clock;
    ClientOptions options;
    options.base_url = "https://127.0.0.1:" + std::to_string(stub.port());
    options.token = fixed_token("t");
    options.environment = clock.environment();
    options.retry.max_retries = 0;

    auto from_env = WorkflowsClient(options).regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(from_env.transport_error());
    CHECK(from_env.transport_error()->kind == TransportError::Kind::Tls);
    CHECK_THAT(from_env.transport_error()->message,
               Catch::Contains("CA file /nonexistent/logicmock-env-ca.pem (SSL_CERT_FILE)"));

    options.tls.ca_file = "/nonexistent/logicmock-flag-ca.pem";
    auto explicit_file =
        WorkflowsClient(options).regenerate_access_key(kWorkflow, KeyType::Primary);
    REQUIRE(explicit_file.transport_error());
    CHECK(explicit_file.transport_error()->kind == TransportError::Kind::Tls);
    CHECK_THAT(explicit_file.transport_error()->message,
               Catch::Contains("CA file /nonexistent/logicmock-flag-ca.pem (ca_file)"));
}
