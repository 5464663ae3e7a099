// The fake Entra ID over real sockets: HTTP and HTTPS on their own ports of one server, each
// discovery document pointing at the listener it was fetched from, and a token fetched over
// HTTPS accepted by ARM over HTTP under --auth entra.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "identity/identity_test_support.hpp"
#include "logicmock/mock_server.hpp"
#include "pipeline_test_support.hpp"

using namespace logicmock;
using namespace logicmock::test;

TEST_CASE("discovery and tokens over HTTP and HTTPS on one server", "[identity][http]") {
    ServerOptions o;
    o.tls.enabled = true;
    o.tls.port = 0;
    o.service.auth = AuthPolicy::Entra;
    MockServer server(o);
    server.start();
    const std::string discovery = "/" + kTenant + "/v2.0/.well-known/openid-configuration";

    httplib::Client plain(server.host(), server.port());
    auto over_http = plain.Get(discovery.c_str());
    REQUIRE(over_http);
    REQUIRE(over_http->status == 200);
    REQUIRE(nlohmann::json::parse(over_http->body)["token_endpoint"] ==
            server.url() + "/" + kTenant + "/oauth2/v2.0/token");

    httplib::SSLClient tls(server.host(), server.tls_port());
    tls.enable_server_certificate_verification(false);
    auto over_https = tls.Get(discovery.c_str());
    REQUIRE(over_https);
    REQUIRE(nlohmann::json::parse(over_https->body)["token_endpoint"] ==
            server.https_url() + "/" + kTenant + "/oauth2/v2.0/token");

    const Request form = token_request();
    auto token = tls.Post(("/" + kTenant + "/oauth2/v2.0/token").c_str(), form.body,
                          "application/x-www-form-urlencoded");
    REQUIRE(token);
    REQUIRE(token->status == 200);
    const std::string access = nlohmann::json::parse(token->body)["access_token"];

    auto rotated = plain.Post(regenerate_target().c_str(), {{"Authorization", "Bearer " + access}},
                              R"({"keyType":"Primary"})", "application/json");
    REQUIRE(rotated);
    REQUIRE(rotated->status == 200);
    auto refused = plain.Post(regenerate_target().c_str(), {{"Authorization", "Bearer x.y.z"}},
                              R"({"keyType":"Primary"})", "application/json");
    REQUIRE(refused);
    REQUIRE(refused->status == 401);
    server.stop();
}
