// The in-process server over real sockets: what an HTTP client sees on the wire.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "logicmock/mock_server.hpp"
#include "pipeline_test_support.hpp"
#include "raw_connection.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

httplib::Headers bearer() {
    return {{"Authorization", "Bearer t"}};
}

}  // namespace

TEST_CASE("the sample request over HTTP: 200, no body, ARM headers, key rotated", "[http]") {
    MockServer server;
    server.start();
    REQUIRE(server.port() > 0);
    REQUIRE(server.url() == "http://127.0.0.1:" + std::to_string(server.port()));
    auto before = *server.store().find_workflow({kSubscription, kResourceGroup, kWorkflow});

    httplib::Client client(server.host(), server.port());
    auto res = client.Post(regenerate_target().c_str(), bearer(), R"({"keyType": "Primary"})",
                           "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    REQUIRE(res->body.empty());
    REQUIRE(res->get_header_value("Content-Length") == "0");
    REQUIRE(res->has_header("x-ms-request-id"));
    REQUIRE(res->has_header("x-ms-correlation-request-id"));
    REQUIRE(res->has_header("x-ms-routing-request-id"));
    REQUIRE(res->get_header_value("x-ms-ratelimit-remaining-subscription-writes") == "199");
    REQUIRE(res->get_header_value("x-ms-ratelimit-remaining-subscription-global-writes") == "2999");
    REQUIRE(res->get_header_value("Cache-Control") == "no-cache");
    REQUIRE(res->get_header_value("Pragma") == "no-cache");
    REQUIRE(res->get_header_value("Expires") == "-1");
    REQUIRE(res->has_header("Date"));

    auto after = *server.store().find_workflow({kSubscription, kResourceGroup, kWorkflow});
    REQUIRE(after.primary_key != before.primary_key);
    REQUIRE(after.secondary_key == before.secondary_key);
}

TEST_CASE("errors over HTTP carry the JSON content type and the gateway marker", "[http]") {
    MockServer server;
    server.start();
    httplib::Client client(server.host(), server.port());
    auto res =
        client.Post(regenerate_target().c_str(), R"({"keyType":"Primary"})", "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 401);
    REQUIRE(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    REQUIRE(res->get_header_value("x-ms-failure-cause") == "gateway");
    REQUIRE(res->has_header("WWW-Authenticate"));
    REQUIRE(nlohmann::json::parse(res->body)["error"]["code"] == "AuthenticationFailed");
}

TEST_CASE("a POST without Content-Length is an empty body, answered at once", "[http]") {
    MockServer server;
    server.start();
    RawConnection connection(server.port());
    connection.send("POST " + regenerate_target() +
                    " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n");
    std::string reply = connection.read_all();
    REQUIRE_THAT(reply, Catch::StartsWith("HTTP/1.1 400"));
    REQUIRE_THAT(reply, Catch::Contains("\"code\":\"InvalidRequestContent\""));
}

TEST_CASE("bodies over 1 MiB get 413 with an ARM error, and the server keeps serving", "[http]") {
    MockServer server;
    server.start();
    auto before = *server.store().find_workflow({kSubscription, kResourceGroup, kWorkflow});
    httplib::Client client(server.host(), server.port());
    std::string big = R"({"keyType":"Primary","pad":")" + std::string(2 * 1024 * 1024, 'x') + "\"}";
    auto res = client.Post(regenerate_target().c_str(), bearer(), big, "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 413);
    REQUIRE(nlohmann::json::parse(res->body)["error"]["code"] == "RequestEntityTooLarge");
    REQUIRE(res->has_header("x-ms-request-id"));
    auto after = *server.store().find_workflow({kSubscription, kResourceGroup, kWorkflow});
    REQUIRE(after.primary_rotations == before.primary_rotations);

    httplib::Client again(server.host(), server.port());
    auto ok = again.Post(regenerate_target().c_str(), bearer(), R"({"keyType":"Primary"})",
                         "application/json");
    REQUIRE(ok);
    REQUIRE(ok->status == 200);
}

TEST_CASE("keep-alive lasts beyond httplib's default of 5 requests", "[http]") {
    MockServer server;
    server.start();
    RawConnection connection(server.port());
    for (int i = 0; i < 20; ++i) {
        connection.send("GET /_mock/health HTTP/1.1\r\nHost: x\r\n\r\n");
        std::string reply = connection.read_response();
        INFO("request " << i);
        REQUIRE_THAT(reply, Catch::StartsWith("HTTP/1.1 200"));
        REQUIRE_THAT(reply, !Catch::Contains("Connection: close"));
    }
}

TEST_CASE("health answers 200 JSON", "[http]") {
    MockServer server;
    server.start();
    httplib::Client client(server.host(), server.port());
    auto res = client.Get("/_mock/health");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    REQUIRE(nlohmann::json::parse(res->body)["status"] == "ok");
}

TEST_CASE("several servers run in one process with separate state", "[http]") {
    MockServer a, b;
    a.start();
    b.start();
    REQUIRE(a.port() != b.port());
    httplib::Client client(a.host(), a.port());
    auto res = client.Post(regenerate_target().c_str(), bearer(), R"({"keyType":"Secondary"})",
                           "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    REQUIRE(
        a.store().find_workflow({kSubscription, kResourceGroup, kWorkflow})->secondary_rotations ==
        1);
    REQUIRE(
        b.store().find_workflow({kSubscription, kResourceGroup, kWorkflow})->secondary_rotations ==
        0);
    a.stop();
    a.stop();  // idempotent
    httplib::Client still(b.host(), b.port());
    REQUIRE(still.Get("/_mock/health"));
}

TEST_CASE("a custom seed and options reach the in-process server", "[http]") {
    ServerOptions options;
    options.seed = parse_seed(
        R"({"subscriptions":[{"subscriptionId":"sub1","resourceGroups":[{"name":"rg1","workflows":[{"name":"wf1"}]}]}]})",
        "inline");
    options.service.auth = AuthPolicy::Static;
    options.service.static_token = "expected";
    MockServer server(options);
    server.start();
    httplib::Client client(server.host(), server.port());
    const std::string target =
        workflow_path("sub1", "rg1", "wf1") + "/regenerateAccessKey?api-version=2019-05-01";
    auto wrong = client.Post(target.c_str(), bearer(), "{}", "application/json");
    REQUIRE(wrong);
    REQUIRE(wrong->status == 401);
    auto ok = client.Post(target.c_str(), {{"Authorization", "Bearer expected"}}, "{}",
                          "application/json");
    REQUIRE(ok);
    REQUIRE(ok->status == 200);
}

TEST_CASE("binding a port in use is reported, not hidden", "[http]") {
    MockServer first;
    first.start();
    ServerOptions options;
    options.port = first.port();
    MockServer second(options);
    REQUIRE_THROWS_AS(second.start(), std::runtime_error);
}

TEST_CASE("pipelined POSTs each get the answer to their own body", "[http]") {
    MockServer server;
    server.start();
    auto before = *server.store().find_workflow({kSubscription, kResourceGroup, kWorkflow});
    auto post = [](const std::string& body) {
        return "POST " + regenerate_target() +
               " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n"
               "Content-Type: application/json\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n" + body;
    };
    RawConnection connection(server.port());
    connection.send(post(R"({"keyType":"Tertiary"})") + post(R"({"keyType":"Secondary"})") +
                    post(R"({"keyType":"Primary"})"));
    REQUIRE_THAT(connection.read_response(), Catch::StartsWith("HTTP/1.1 400"));
    REQUIRE_THAT(connection.read_response(), Catch::StartsWith("HTTP/1.1 200"));
    REQUIRE_THAT(connection.read_response(), Catch::StartsWith("HTTP/1.1 200"));
    auto after = *server.store().find_workflow({kSubscription, kResourceGroup, kWorkflow});
    REQUIRE(after.primary_rotations == before.primary_rotations + 1);
    REQUIRE(after.secondary_rotations == before.secondary_rotations + 1);
}

TEST_CASE("a chunked body still reaches the ARM pipeline and the admin API", "[http]") {
    MockServer server;
    server.start();
    RawConnection connection(server.port());
    const std::string body = R"({"keyType":"Tertiary"})";
    std::ostringstream size;
    size << std::hex << body.size();
    connection.send("POST " + regenerate_target() +
                    " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n"
                    "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                    size.str() + "\r\n" + body + "\r\n0\r\n\r\n");
    std::string reply = connection.read_response();
    REQUIRE_THAT(reply, Catch::StartsWith("HTTP/1.1 400"));
    REQUIRE_THAT(reply, Catch::Contains("InvalidRequestContent"));
    connection.send(
        "POST /_mock/faults HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    reply = connection.read_response();
    REQUIRE_THAT(reply, Catch::StartsWith("HTTP/1.1 400"));
    REQUIRE_THAT(reply, Catch::Contains("\"code\":"));
}
