// Faults as a real client sees them on the wire: the error, the reset, the silent close, the
// short body, the hold and the delay; plus the admin API over HTTP and a retry through the
// journal.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "logicmock/mock_admin.hpp"
#include "logicmock/mock_server.hpp"
#include "pipeline_test_support.hpp"
#include "raw_connection.hpp"

using namespace logicmock;
using namespace logicmock::test;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kBody = R"({"keyType":"Primary"})";

std::string raw_regenerate(const std::string& extra_headers = "") {
    return "POST " + regenerate_target() +
           " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           std::to_string(kBody.size()) + "\r\n" + extra_headers + "\r\n" + kBody;
}

httplib::Client client_for(const MockServer& server) {
    httplib::Client client(server.host(), server.port());
    client.set_tcp_nodelay(true);
    client.set_read_timeout(std::chrono::seconds(5));
    return client;
}

httplib::Result post_regenerate(httplib::Client& client, httplib::Headers headers = {}) {
    headers.emplace("Authorization", "Bearer t");
    return client.Post(regenerate_target().c_str(), headers, kBody, "application/json");
}

long long ms_since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// The server still answers normally on a fresh connection.
void require_still_serving(const MockServer& server) {
    auto client = client_for(server);
    auto res = post_regenerate(client);
    REQUIRE(res);
    REQUIRE(res->status == 200);
}

}  // namespace

TEST_CASE("an injected ErrorResponse reaches the client with status, body and headers",
          "[faults][http]") {
    MockServer server;
    server.start();
    MockAdmin(server).add_fault(R"({"action":{"preset":"Throttled","retryAfter":2},"times":1})");
    auto client = client_for(server);
    auto res = post_regenerate(client);
    REQUIRE(res);
    REQUIRE(res->status == 429);
    REQUIRE(res->get_header_value("Retry-After") == "2");
    REQUIRE(res->get_header_value("Content-Type") == "application/json; charset=utf-8");
    auto body = nlohmann::json::parse(res->body);
    REQUIRE(body["error"]["code"] == "SubscriptionRequestsThrottled");
    REQUIRE(res->has_header("x-ms-request-id"));
    // Same keep-alive connection: the next request succeeds.
    auto next = post_regenerate(client);
    REQUIRE(next);
    REQUIRE(next->status == 200);
}

TEST_CASE("transport reset: the client sees ECONNRESET and no bytes", "[faults][http]") {
    MockServer server;
    server.start();
    MockAdmin(server).add_fault(R"({"action":{"transport":{"type":"reset"}},"times":1})");
    RawConnection connection(server.port());
    connection.send(raw_regenerate());
    REQUIRE(connection.read_all().empty());
    REQUIRE(connection.end() == RawConnection::End::Reset);

    require_still_serving(server);
}

TEST_CASE("transport reset through httplib::Client: the call fails with a read error",
          "[faults][http]") {
    MockServer server;
    server.start();
    auto client = client_for(server);
    auto res = post_regenerate(client, {{"x-mock-fault", R"({"transport":{"type":"reset"}})"}});
    REQUIRE_FALSE(res);
    REQUIRE(res.error() == httplib::Error::Read);
    require_still_serving(server);
}

TEST_CASE("transport close: the connection ends cleanly without a response", "[faults][http]") {
    MockServer server;
    server.start();
    RawConnection connection(server.port());
    connection.send(raw_regenerate("x-mock-fault: {\"transport\":{\"type\":\"close\"}}\r\n"));
    REQUIRE(connection.read_all().empty());
    REQUIRE(connection.end() == RawConnection::End::Closed);
    require_still_serving(server);
}

TEST_CASE("transport partialBody: full Content-Length, a short body, then close",
          "[faults][http]") {
    MockServer server;
    server.start();
    MockAdmin(server).add_fault(
        R"({"action":{"transport":{"type":"partialBody","bytes":12},"preset":"ServiceUnavailable"}})");
    RawConnection connection(server.port());
    connection.send(raw_regenerate());
    std::string reply = connection.read_all();
    REQUIRE(connection.end() == RawConnection::End::Closed);
    REQUIRE_THAT(reply, Catch::StartsWith("HTTP/1.1 503"));
    auto head_end = reply.find("\r\n\r\n");
    REQUIRE(head_end != std::string::npos);
    const std::string body = reply.substr(head_end + 4);
    REQUIRE(body == R"({"error":{"c)");
    auto cl = reply.find("Content-Length: ");
    REQUIRE(std::stoul(reply.substr(cl + 16)) > body.size());

    auto client = client_for(server);
    auto res = post_regenerate(client);
    REQUIRE_FALSE(res);  // httplib reports the short read as an error
}

TEST_CASE("transport hold: silence for holdMs, then the connection closes", "[faults][http]") {
    MockServer server;
    server.start();
    MockAdmin(server).add_fault(R"({"action":{"transport":{"type":"hold","holdMs":300}}})");
    RawConnection connection(server.port(), std::chrono::seconds(10));
    const auto start = Clock::now();
    connection.send(raw_regenerate());
    REQUIRE(connection.read_all().empty());
    REQUIRE(connection.end() == RawConnection::End::Closed);
    REQUIRE(ms_since(start) >= 300);
}

TEST_CASE("a client timeout fires during a hold", "[faults][http]") {
    MockServer server;
    server.start();
    auto client = client_for(server);
    client.set_read_timeout(std::chrono::milliseconds(200));
    auto res = post_regenerate(
        client, {{"x-mock-fault", R"({"transport":{"type":"hold","holdMs":2000}})"}});
    REQUIRE_FALSE(res);
    REQUIRE(res.error() == httplib::Error::Read);
}

TEST_CASE("stop() cuts a long hold short", "[faults][http]") {
    auto server = std::make_unique<MockServer>();
    server->start();
    MockAdmin(*server).add_fault(R"({"action":{"transport":{"type":"hold","holdMs":600000}}})");
    RawConnection connection(server->port(), std::chrono::seconds(30));
    connection.send(raw_regenerate());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const auto start = Clock::now();
    server->stop();
    REQUIRE(ms_since(start) < 20000);  // far below the 10 minute hold
    REQUIRE(connection.read_all().empty());
}

TEST_CASE("delay: a success arrives after the delay, unchanged", "[faults][http]") {
    MockServer server;
    server.start();
    MockAdmin(server).add_fault(R"({"action":{"delayMs":250},"times":1})");
    auto client = client_for(server);
    const auto start = Clock::now();
    auto res = post_regenerate(client);
    REQUIRE(res);
    REQUIRE(res->status == 200);
    REQUIRE(ms_since(start) >= 250);
    REQUIRE(server.store()
                .find_workflow({kSubscription, kResourceGroup, kWorkflow})
                ->primary_rotations == 1);
}

TEST_CASE("a delay and an error together: the error arrives late", "[faults][http]") {
    MockServer server;
    server.start();
    auto client = client_for(server);
    const auto start = Clock::now();
    auto res = post_regenerate(
        client,
        {{"x-mock-fault", R"({"preset":"GatewayTimeout","delayMs":{"min":150,"max":200}})"}});
    REQUIRE(res);
    REQUIRE(res->status == 504);
    REQUIRE(ms_since(start) >= 150);
}

TEST_CASE("retry: Throttled times 2 then success, three attempts with one client request id",
          "[faults][http][journal]") {
    // Port to the logicmock client library at merge: its retry policy should produce the same
    // journal.
    MockServer server;
    server.start();
    MockAdmin admin(server);
    admin.add_fault(
        R"({"match":{"operation":"regenerateAccessKey"},"action":{"preset":"Throttled","retryAfter":0},"times":2})");
    auto client = client_for(server);
    client.set_keep_alive(true);
    const std::string client_id = "8d3a1f7e-0b2c-4c55-9d11-4f2a6b7c8d90";
    int status = 0;
    for (int attempt = 0; attempt < 3 && status != 200; ++attempt) {
        auto res = post_regenerate(client, {{"x-ms-client-request-id", client_id}});
        REQUIRE(res);
        status = res->status;
    }
    REQUIRE(status == 200);

    auto entries = admin.journal(JournalFilter().by_operation("regenerateAccessKey"));
    REQUIRE(entries.size() == 3);
    std::vector<int> statuses;
    for (const auto& e : entries) {
        statuses.push_back(e.status);
        std::string id;
        for (const auto& [name, value] : e.headers) {
            if (iequals(name, "x-ms-client-request-id")) id = value;
        }
        REQUIRE(id == client_id);
    }
    REQUIRE(statuses == std::vector<int>{429, 429, 200});
    REQUIRE(entries[0].fault_action == "preset:Throttled");
    REQUIRE(entries[2].fault_rule.empty());
}

TEST_CASE("the journal records a reset with no status", "[faults][http][journal]") {
    MockServer server;
    server.start();
    RawConnection connection(server.port());
    connection.send(raw_regenerate("x-mock-fault: {\"transport\":{\"type\":\"reset\"}}\r\n"));
    connection.read_all();
    auto entries = MockAdmin(server).journal();
    REQUIRE(entries.size() == 1);
    REQUIRE(entries[0].status == 0);
    REQUIRE(entries[0].fault_rule == "header");
    REQUIRE(entries[0].fault_action == "transport:reset");
}

TEST_CASE("admin API over HTTP: add, list, delete, journal, reset", "[admin][http]") {
    MockServer server;
    server.start();
    auto admin = client_for(server);
    auto added = admin.Post("/_mock/faults", R"({"action":{"preset":"Conflict"},"times":1})",
                            "application/json");
    REQUIRE(added);
    REQUIRE(added->status == 201);
    const std::string id = nlohmann::json::parse(added->body)["id"];

    auto client = client_for(server);
    REQUIRE(post_regenerate(client)->status == 409);
    REQUIRE(post_regenerate(client)->status == 200);

    auto listed = admin.Get("/_mock/faults");
    REQUIRE(listed->status == 200);
    REQUIRE(nlohmann::json::parse(listed->body)["value"][0]["fired"] == 1);
    auto journal = admin.Get("/_mock/journal?status=409");
    REQUIRE(journal->status == 200);
    auto value = nlohmann::json::parse(journal->body)["value"];
    REQUIRE(value.size() == 1);
    REQUIRE(value[0]["fault"]["rule"] == id);
    REQUIRE(nlohmann::json::parse(admin.Get("/_mock/journal/count")->body)["count"] == 2);

    REQUIRE(admin.Delete(("/_mock/faults/" + id).c_str())->status == 204);
    REQUIRE(admin.Delete("/_mock/faults")->status == 204);
    REQUIRE(admin.Delete("/_mock/journal")->status == 204);
    REQUIRE(nlohmann::json::parse(admin.Get("/_mock/journal/count")->body)["count"] == 0);
    REQUIRE(admin.Post("/_mock/reset", "", "application/json")->status == 204);
    REQUIRE(server.store()
                .find_workflow({kSubscription, kResourceGroup, kWorkflow})
                ->primary_rotations == 0);
}

TEST_CASE("admin calls without a body are answered at once, not after a read timeout",
          "[admin][http]") {
    MockServer server;
    server.start();
    RawConnection connection(server.port());
    connection.send("POST /_mock/reset HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE_THAT(connection.read_response(), Catch::StartsWith("HTTP/1.1 204"));
    connection.send("DELETE /_mock/faults HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE_THAT(connection.read_response(), Catch::StartsWith("HTTP/1.1 204"));
}

TEST_CASE("admin routes are never faulted and never journaled", "[admin][http]") {
    MockServer server;
    server.start();
    MockAdmin(server).add_fault(R"({"action":{"transport":{"type":"reset"}}})");
    auto admin = client_for(server);
    auto listed = admin.Get("/_mock/faults", {{"x-mock-fault", "Throttled"}});
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    REQUIRE(admin.Get("/_mock/health")->status == 200);
    REQUIRE(MockAdmin(server).journal().empty());
}

TEST_CASE("admin token over HTTP: 401 ARM-style without it, 200 with it", "[admin][http]") {
    ServerOptions options;
    options.service.admin_token = "t0ken";
    MockServer server(options);
    server.start();
    auto client = client_for(server);
    auto denied = client.Get("/_mock/journal");
    REQUIRE(denied);
    REQUIRE(denied->status == 401);
    REQUIRE(nlohmann::json::parse(denied->body)["error"]["code"] == "AdminAuthenticationFailed");
    auto allowed = client.Get("/_mock/journal", {{"x-mock-admin-token", "t0ken"}});
    REQUIRE(allowed->status == 200);
    REQUIRE(client.Get("/_mock/health")->status == 200);  // health stays open
}

TEST_CASE("no-admin over HTTP: admin routes answer 404 AdminApiDisabled", "[admin][http]") {
    ServerOptions options;
    options.service.admin_enabled = false;
    MockServer server(options);
    server.start();
    auto client = client_for(server);
    auto res =
        client.Post("/_mock/faults", R"({"action":{"preset":"Conflict"}})", "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 404);
    REQUIRE(nlohmann::json::parse(res->body)["error"]["code"] == "AdminApiDisabled");
    auto arm = post_regenerate(client, {{"x-mock-fault", "Throttled"}});
    REQUIRE(arm->status == 200);
}
