#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "logicmock/mock_server.hpp"
#include "pipeline_test_support.hpp"

using namespace logicmock;
using namespace logicmock::test;

TEST_CASE("8 threads x 500 rotations of one key lose no update", "[http][concurrency]") {
    MockServer server;
    server.start();
    const WorkflowRef ref{kSubscription, kResourceGroup, kWorkflow};
    const auto before = *server.store().find_workflow(ref);
    std::atomic<int> ok{0}, other{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            httplib::Client client(server.host(), server.port());
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);  // else Nagle delays each body by ~40 ms
            for (int i = 0; i < 500; ++i) {
                auto res = client.Post(regenerate_target().c_str(), {{"Authorization", "Bearer t"}},
                                       R"({"keyType":"Primary"})", "application/json");
                (res && res->status == 200 ? ok : other)++;
            }
        });
    }
    for (auto& t : threads) t.join();
    REQUIRE(other == 0);
    REQUIRE(ok == 4000);
    const auto after = *server.store().find_workflow(ref);
    REQUIRE(after.primary_rotations - before.primary_rotations == 4000);
    REQUIRE(after.secondary_rotations == before.secondary_rotations);
    REQUIRE(after.primary_key != before.primary_key);
}

TEST_CASE("concurrent readers and writers through the store interface", "[concurrency]") {
    ServiceFixture f;
    std::atomic<bool> stop{false};
    std::atomic<int> missing{0};  // Catch2 assertions are not thread-safe: count, check after
    std::thread reader([&] {
        while (!stop) {
            if (!f.store->find_workflow({kSubscription, kResourceGroup, kWorkflow})) ++missing;
        }
    });
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t) {
        writers.emplace_back([&, t] {
            for (int i = 0; i < 250; ++i) {
                f.service.handle(regenerate_request(t % 2 ? R"({"keyType":"Secondary"})" : "{}"));
            }
        });
    }
    for (auto& w : writers) w.join();
    stop = true;
    reader.join();
    REQUIRE(missing == 0);
    auto wf = f.workflow();
    REQUIRE(wf.primary_rotations == 500);
    REQUIRE(wf.secondary_rotations == 500);
}
