// GUIDs: well-formed version 4, and request ids from per-thread generators all distinct.

#include "util/random_bytes.hpp"

#include <catch2/catch.hpp>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

using namespace logicmock;

namespace {

bool is_v4_guid(const std::string& id) {
    static const std::regex kForm(
        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    return std::regex_match(id, kForm);
}

}  // namespace

TEST_CASE("random and request GUIDs are well-formed version 4 GUIDs", "[util]") {
    for (int i = 0; i < 200; ++i) {
        REQUIRE(is_v4_guid(random_guid()));
        REQUIRE(is_v4_guid(request_guid()));
    }
}

TEST_CASE("request GUIDs from many threads never repeat", "[util][concurrency]") {
    constexpr int kThreads = 4;
    constexpr int kEach = 5000;
    std::mutex mutex;
    std::set<std::string> seen;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            std::vector<std::string> mine;
            for (int i = 0; i < kEach; ++i) mine.push_back(request_guid());
            std::lock_guard lock(mutex);
            seen.insert(mine.begin(), mine.end());
        });
    }
    for (auto& t : threads) t.join();
    REQUIRE(seen.size() == kThreads * kEach);
}
