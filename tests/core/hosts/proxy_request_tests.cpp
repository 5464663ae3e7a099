// The host table and the proxy's reading of CONNECT and absolute-form requests, without
// sockets: which Azure hosts get which service, what is refused and how it reads.

#include <algorithm>
#include <catch2/catch.hpp>

#include "callback_test_support.hpp"
#include "hosts/host_table.hpp"
#include "hosts/proxy_request.hpp"
#include "journal/request_journal.hpp"
#include "pipeline_test_support.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

Request connect_to(const std::string& authority) {
    Request r;
    r.method = "CONNECT";
    r.target = authority;
    r.headers.add("Host", authority);
    return r;
}

}  // namespace

TEST_CASE("the host table names the service for each Azure host", "[proxy]") {
    using S = HostService;
    struct Row {
        const char* host;
        const char* scheme;
        int port;
        std::optional<S> service;
    };
    const Row rows[] = {
        {"management.azure.com", "https", 443, S::Arm},
        {"MANAGEMENT.Azure.COM", "https", 443, S::Arm},
        {"login.microsoftonline.com", "https", 443, S::Entra},
        {"login.windows.net", "https", 443, S::Entra},
        {"login.microsoft.com", "https", 443, S::Entra},
        {"sts.windows.net", "https", 443, S::Entra},
        {"westus2.login.microsoft.com", "https", 443, S::Entra},
        {"prod-00.westus.logic.azure.com", "https", 443, S::LogicRuntime},
        {"prod-27.northeurope.logic.azure.com", "https", 443, S::LogicRuntime},
        {"mysite.azurewebsites.net", "https", 443, S::StandardRuntime},
        {"169.254.169.254", "http", 80, S::Imds},
        // not served: other hosts, ports and schemes, look-alikes, Kudu
        {"management.azure.com", "https", 8443, std::nullopt},
        {"management.azure.com", "http", 80, std::nullopt},
        {"169.254.169.254", "https", 443, std::nullopt},
        {"example.com", "https", 443, std::nullopt},
        {"evilmanagement.azure.com", "https", 443, std::nullopt},
        {"management.azure.com.evil.example", "https", 443, std::nullopt},
        {"logic.azure.com", "https", 443, std::nullopt},
        {"mysite.scm.azurewebsites.net", "https", 443, std::nullopt},
        {"a..logic.azure.com", "https", 443, std::nullopt},
        {"dc.services.visualstudio.com", "https", 443, std::nullopt},
        {"graph.microsoft.com", "https", 443, std::nullopt},
    };
    for (const auto& row : rows) {
        INFO(row.scheme << "://" << row.host << ":" << row.port);
        CHECK(service_for_host(row.host, row.scheme, row.port) == row.service);
    }
}

TEST_CASE("authorities parse strictly", "[proxy]") {
    auto a = parse_authority("Login.MicrosoftOnline.com:443");
    REQUIRE(a);
    CHECK(a->host == "login.microsoftonline.com");
    CHECK(a->port == 443);
    auto v6 = parse_authority("[::1]:8080");
    REQUIRE(v6);
    CHECK(v6->host == "::1");
    CHECK(parse_authority("169.254.169.254", 80)->port == 80);
    for (const char* bad :
         {"", ":443", "host", "host:", "host:0", "host:65536", "host:44a", "host:443:1",
          "ho st:443", "[::1", "[]:443", "host:-1", "host/path:443", "host:4430000"}) {
        INFO(bad);
        CHECK_FALSE(parse_authority(bad));
    }
}

TEST_CASE("CONNECT opens a tunnel only to a served host", "[proxy]") {
    ServiceFixture f;
    CHECK(f.service.handle(connect_to("management.azure.com:443")).status == 200);
    CHECK(f.service.handle(connect_to("login.microsoftonline.com:443")).status == 200);

    const Response refused = f.service.handle(connect_to("example.com:443"));
    require_arm_error(refused, 403, "ProxyHostNotServed");
    CHECK_THAT(error_message(refused), Catch::Contains("'https://example.com:443'") &&
                                           Catch::Contains("never forwards") &&
                                           Catch::Contains("NO_PROXY"));
    require_arm_error(f.service.handle(connect_to("management.azure.com:80")), 403,
                      "ProxyHostNotServed");
    require_arm_error(f.service.handle(connect_to("management.azure.com")), 400,
                      "ProxyRequestInvalid");
    require_arm_error(f.service.handle(connect_to("bad host:443")), 400, "ProxyRequestInvalid");

    // The refusals are journaled, naming the host; tunnels that opened too.
    auto refusals = f.service.journal().list(JournalFilter().by_operation("proxyRefused"));
    REQUIRE(refusals.size() == 4);
    CHECK(refusals.front().path == "example.com:443");
    CHECK(f.service.journal().count(JournalFilter().by_operation("proxyConnect")) == 2);
}

TEST_CASE("inside a tunnel the Host must be the tunnel's, and CONNECT is not nested", "[proxy]") {
    ServiceFixture f;
    Request inside = regenerate_request();
    inside.proxied = ProxiedTarget{"https", "management.azure.com", 443};
    inside.headers.set("Host", "management.azure.com");
    CHECK(f.service.handle(inside).status == 200);

    inside.headers.set("Host", "login.microsoftonline.com");
    require_arm_error(f.service.handle(inside), 421, "MisdirectedRequest");

    // The absolute form of a request inside the tunnel: its own host is served, another is not.
    inside.headers.set("Host", "management.azure.com");
    inside.target = "https://management.azure.com" + regenerate_target();
    CHECK(f.service.handle(inside).status == 200);
    inside.target = "https://login.microsoftonline.com/common/discovery/instance";
    inside.headers.set("Host", "login.microsoftonline.com");
    require_arm_error(f.service.handle(inside), 421, "MisdirectedRequest");

    Request nested = connect_to("management.azure.com:443");
    nested.proxied = ProxiedTarget{"https", "management.azure.com", 443};
    require_arm_error(f.service.handle(nested), 400, "ProxyRequestInvalid");
}

TEST_CASE("absolute-form requests are served for plain-HTTP hosts only", "[proxy]") {
    ServiceFixture f;
    Request r;
    r.method = "GET";
    r.target = "http://example.com/x";
    r.headers.add("Host", "example.com");
    require_arm_error(f.service.handle(r), 403, "ProxyHostNotServed");

    r.target = "https://management.azure.com/subscriptions?api-version=2020-01-01";
    r.headers.set("Host", "management.azure.com");
    require_arm_error(f.service.handle(r), 400, "ProxyRequestInvalid");

    r.target = "http://169.254.169.254/metadata/instance?api-version=2021-02-01";
    r.headers.set("Host", "management.azure.com");  // disagrees with the URL
    require_arm_error(f.service.handle(r), 421, "MisdirectedRequest");

    r.target = "http://management.azure.com/subscriptions?api-version=2020-01-01";
    r.headers.set("Host", "management.azure.com");  // ARM is https only
    require_arm_error(f.service.handle(r), 403, "ProxyHostNotServed");
}

TEST_CASE("direct requests keep their path routing, or follow a Host the table names", "[proxy]") {
    ServiceFixture f;
    Request direct = regenerate_request();
    direct.headers.set("Host", "127.0.0.1:8080");
    CHECK(f.service.handle(direct).status == 200);
    direct.headers.set("Host", "management.azure.com");
    CHECK(f.service.handle(direct).status == 200);

    ServiceOptions off;
    off.proxy = false;
    ServiceFixture no_proxy(off);
    CHECK(no_proxy.service.handle(connect_to("management.azure.com:443")).status != 200);
}

TEST_CASE("through the proxy, callback URLs have Azure's shape and are served at that host",
          "[proxy]") {
    CallbackFixture f;
    const ProxiedTarget arm{"https", "management.azure.com", 443};
    auto through = [](Request r, const ProxiedTarget& target) {
        r.proxied = target;
        r.headers.set("Host", target.host);
        return r;
    };
    const Response listed = f.service.handle(through(trigger_callback_request(), arm));
    REQUIRE(listed.status == 200);
    const auto body = body_json(listed);
    const std::string url = body["value"];
    CHECK_THAT(url, Catch::StartsWith("https://prod-00.westus.logic.azure.com:443/workflows/" +
                                      kWorkflowId + "/triggers/manual/paths/invoke?api-version="));
    CHECK(body["basePath"] == "https://prod-00.westus.logic.azure.com/workflows/" + kWorkflowId +
                                  "/triggers/manual/paths/invoke");

    const ProxiedTarget runtime{"https", "prod-00.westus.logic.azure.com", 443};
    CHECK(f.service.handle(through(invoke_request(url), runtime)).status == 202);
    Request rotate = arm_request("POST", regenerate_target(), R"({"keyType":"Primary"})");
    REQUIRE(f.service.handle(through(rotate, arm)).status == 200);
    CHECK(f.service.handle(through(invoke_request(url), runtime)).status == 401);

    // The runtime host answers only the runtime: ARM's paths are not there.
    CHECK(f.service.handle(through(regenerate_request(), runtime)).status == 404);
    // Direct requests keep this server's URLs.
    CHECK_THAT(callback_value(f.service.handle(trigger_callback_request())),
               Catch::StartsWith("https://prod-00.westus.logic.test/workflows/"));
}

TEST_CASE("IMDS at 169.254.169.254 answers managed identity as IMDS does", "[proxy]") {
    ServiceFixture f;
    auto imds = [&](const std::string& path, bool metadata) {
        Request r;
        r.method = "GET";
        r.target = "http://169.254.169.254" + path;
        r.headers.add("Host", "169.254.169.254");
        if (metadata) r.headers.add("Metadata", "true");
        return f.service.handle(r);
    };
    const std::string token_path =
        "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement."
        "azure.com%2F";
    // The SDKs' probe: no Metadata header.
    const Response probe = imds(token_path, false);
    CHECK(probe.status == 400);
    CHECK(body_json(probe)["error"] == "bad_request_102");
    CHECK_THAT(header(probe, "Server"), Catch::StartsWith("IMDS/"));

    const Response ok = imds(token_path, true);
    REQUIRE(ok.status == 200);
    const auto body = body_json(ok);
    for (const char* key : {"expires_in", "expires_on", "ext_expires_in", "not_before"}) {
        INFO(key);
        CHECK(body[key].is_string());  // numbers as strings, as IMDS sends them
    }
    CHECK(body["resource"] == "https://management.azure.com/");
    CHECK(body["token_type"] == "Bearer");
    const std::string token = body["access_token"];
    CHECK(std::count(token.begin(), token.end(), '.') == 2);

    const Response unknown =
        imds(token_path + "&client_id=00000000-0000-0000-0000-000000000000", true);
    CHECK(unknown.status == 400);
    CHECK(body_json(unknown)["error_description"] == "Identity not found");
    // Region discovery finds no region.
    CHECK(imds("/metadata/instance/compute/location?format=text&api-version=2021-01-01", true)
              .status == 404);
}

TEST_CASE("Entra's host answers instance discovery, common discovery and its own 404", "[proxy]") {
    ServiceFixture f;
    auto login = [&](const std::string& target) {
        Request r;
        r.method = "GET";
        r.target = target;
        r.proxied = ProxiedTarget{"https", "login.microsoftonline.com", 443};
        r.headers.add("Host", "login.microsoftonline.com");
        return f.service.handle(r);
    };
    const Response instance = login(
        "/common/discovery/instance?api-version=1.1&authorization_endpoint=https%3A%2F%2Flogin."
        "microsoftonline.com%2Fd6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c%2Foauth2%2Fv2.0%2Fauthorize");
    REQUIRE(instance.status == 200);
    const auto body = body_json(instance);
    CHECK(body["tenant_discovery_endpoint"] ==
          "https://login.microsoftonline.com/d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c/v2.0/"
          ".well-known/openid-configuration");
    CHECK(body["metadata"][0]["preferred_network"] == "login.microsoftonline.com");
    CHECK(body["metadata"].size() == 5);

    const Response common = login("/common/v2.0/.well-known/openid-configuration");
    REQUIRE(common.status == 200);
    CHECK(body_json(common)["issuer"] == "https://login.microsoftonline.com/{tenantid}/v2.0");
    CHECK(body_json(common)["token_endpoint"] ==
          "https://login.microsoftonline.com/common/oauth2/v2.0/token");

    const Response nowhere = login("/subscriptions?api-version=2020-01-01");
    CHECK(nowhere.status == 404);
    CHECK(body_json(nowhere)["error"] == "not_found");
}
