#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "net/elastic_thread_pool.hpp"

using namespace std::chrono_literals;
using logicmock::ElasticThreadPool;

namespace {

// Jobs that block until released, like connections held open by keep-alive clients.
struct Gate {
    std::mutex mutex;
    std::condition_variable changed;
    int running = 0;
    bool open = false;

    void job() {
        std::unique_lock lock(mutex);
        ++running;
        changed.notify_all();
        changed.wait(lock, [this] { return open; });
    }
    bool wait_running(int n) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, 5s, [&] { return running >= n; });
    }
    void release() {
        std::lock_guard lock(mutex);
        open = true;
        changed.notify_all();
    }
};

}  // namespace

TEST_CASE("the pool grows to run every blocked job at once, up to its maximum", "[pool]") {
    ElasticThreadPool pool(6, 10s);
    Gate gate;
    for (int i = 0; i < 8; ++i) pool.enqueue([&] { gate.job(); });
    REQUIRE(gate.wait_running(6));
    std::this_thread::sleep_for(50ms);
    REQUIRE(gate.running == 6);  // the 7th and 8th wait for a free worker
    REQUIRE(pool.thread_count() == 6);
    gate.release();
    REQUIRE(gate.wait_running(8));
    pool.shutdown();
}

TEST_CASE("idle workers retire, so a burst does not keep its threads", "[pool]") {
    ElasticThreadPool pool(64, 50ms);
    Gate gate;
    for (int i = 0; i < 20; ++i) pool.enqueue([&] { gate.job(); });
    REQUIRE(gate.wait_running(20));
    REQUIRE(pool.thread_count() == 20);
    gate.release();
    std::this_thread::sleep_for(400ms);
    std::atomic<bool> ran{false};
    pool.enqueue([&] { ran = true; });  // also joins the retired workers
    for (int i = 0; i < 100 && !ran; ++i) std::this_thread::sleep_for(10ms);
    REQUIRE(ran);
    REQUIRE(pool.thread_count() <= 2);
    pool.shutdown();
}
