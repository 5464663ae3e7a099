// The rotation story over real sockets against the in-process server: list a callback URL,
// fire it, rotate keys with regenerateAccessKey and watch exactly the right URLs die.

#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "callback_test_support.hpp"
#include "logicmock/mock_server.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

httplib::Headers bearer() {
    return {{"Authorization", "Bearer t"}};
}

struct Client {
    explicit Client(const MockServer& server) : http(server.host(), server.port()) {
        http.set_tcp_nodelay(true);
    }

    std::string callback_url(const std::string& key_type) {
        auto res = http.Post((workflow_path() + "/listCallbackUrl?api-version=2019-05-01").c_str(),
                             bearer(), R"({"keyType":")" + key_type + "\"}", "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return nlohmann::json::parse(res->body)["value"];
    }

    int regenerate(const std::string& key_type) {
        auto res = http.Post(regenerate_target().c_str(), bearer(),
                             R"({"keyType":")" + key_type + "\"}", "application/json");
        REQUIRE(res);
        return res->status;
    }

    // POSTs to a callback URL exactly as a webhook sender would: no Authorization header.
    httplib::Result invoke(const std::string& url) {
        REQUIRE_THAT(url, Catch::StartsWith(base));
        return http.Post(url.substr(base.size()).c_str(), R"({"order":42})", "application/json");
    }

    httplib::Client http;
    std::string base;
};

int invoke_status(Client& client, const std::string& url) {
    auto res = client.invoke(url);
    REQUIRE(res);
    return res->status;
}

}  // namespace

TEST_CASE("the rotation story end to end over HTTP", "[http][callbacks]") {
    MockServer server;
    server.start();
    Client client(server);
    client.base = server.url();

    const std::string primary = client.callback_url("Primary");
    const std::string secondary = client.callback_url("Secondary");
    REQUIRE_THAT(primary, Catch::StartsWith(server.url() + "/workflows/"));

    auto fired = client.invoke(primary);
    REQUIRE(fired);
    REQUIRE(fired->status == 202);
    REQUIRE(fired->body.empty());
    REQUIRE(invoke_status(client, secondary) == 202);

    REQUIRE(client.regenerate("Primary") == 200);
    auto revoked = client.invoke(primary);
    REQUIRE(revoked);
    REQUIRE(revoked->status == 401);
    REQUIRE(nlohmann::json::parse(revoked->body)["error"]["code"] ==
            "DirectApiInvalidAuthorizationSignature");
    const std::string renewed = client.callback_url("Primary");
    REQUIRE(renewed != primary);
    REQUIRE(invoke_status(client, renewed) == 202);
    REQUIRE(invoke_status(client, secondary) == 202);

    REQUIRE(client.regenerate("Secondary") == 200);
    REQUIRE(invoke_status(client, secondary) == 401);
    REQUIRE(invoke_status(client, renewed) == 202);

    auto wf = *server.store().find_workflow({kSubscription, kResourceGroup, kWorkflow});
    REQUIRE(wf.triggers.at(0).invocations == 5);
}

TEST_CASE("the Python SDK's bodiless trigger listCallbackUrl over HTTP", "[http][callbacks]") {
    MockServer server;
    server.start();
    httplib::Client http(server.host(), server.port());
    http.set_tcp_nodelay(true);
    auto res = http.Post(
        (workflow_path() + "/triggers/manual/listCallbackUrl?api-version=2019-05-01").c_str(),
        bearer());  // Content-Length: 0, no Content-Type
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    REQUIRE_THAT(nlohmann::json::parse(res->body)["value"].get<std::string>(),
                 Catch::Contains("/triggers/manual/paths/invoke?"));
}

TEST_CASE("runtime errors over HTTP are Logic's, not rewritten by the adapter",
          "[http][callbacks]") {
    MockServer server;
    server.start();
    Client client(server);
    client.base = server.url();
    const std::string url = client.callback_url("Primary");
    auto res = client.http.Post(url.substr(client.base.size()).c_str(),
                                {{"Authorization", "Bearer t"}}, "{}", "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 400);
    REQUIRE(nlohmann::json::parse(res->body)["error"]["code"] ==
            "DirectApiRequestHasMoreThanOneAuthorization");
    REQUIRE_FALSE(res->has_header("x-ms-failure-cause"));
}

TEST_CASE("with a state file a restarted server keeps workflows and keys", "[http][state]") {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("logicmock-http-state-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    ServerOptions options;
    options.state_file = (dir / "state.json").string();
    std::string url;
    {
        MockServer server(options);
        server.start();
        Client client(server);
        client.base = server.url();
        REQUIRE(client.regenerate("Primary") == 200);
        url = client.callback_url("Primary");
        auto put = client.http.Put(
            (workflow_path(kSubscription, kResourceGroup, "orders") + "?api-version=2019-05-01")
                .c_str(),
            bearer(), R"({"location":"westus"})", "application/json");
        REQUIRE(put);
        REQUIRE(put->status == 201);
    }
    MockServer restarted(options);
    restarted.start();
    Client client(restarted);
    client.base = restarted.url();
    // The port may differ; the signature may not.
    const std::string again = client.callback_url("Primary");
    REQUIRE(again.substr(again.find("sig=")) == url.substr(url.find("sig=")));
    REQUIRE(invoke_status(client, again) == 202);
    REQUIRE(restarted.store().find_workflow({kSubscription, kResourceGroup, "orders"}));
    std::filesystem::remove_all(dir);
}
