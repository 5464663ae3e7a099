#pragma once
// A worker pool that starts threads only when every existing one is busy, up to a maximum, and
// retires threads that stay idle. httplib serves a keep-alive connection on one thread for its
// whole life, so a fixed pool of N starves the (N+1)th client; this one grows to meet the
// clients that are really there, and shrinks back after a burst so its stacks stop costing RSS.

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace logicmock {

class ElasticThreadPool final : public httplib::TaskQueue {
  public:
    explicit ElasticThreadPool(std::size_t max_threads, std::chrono::milliseconds idle_retirement =
                                                            std::chrono::seconds(10));
    ~ElasticThreadPool() override;

    void enqueue(std::function<void()> job) override;
    void shutdown() override;

    std::size_t thread_count() const;  // started and not yet retired

  private:
    void work();
    void join_retired();  // with mutex_ held

    const std::size_t max_threads_;
    const std::chrono::milliseconds idle_retirement_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    std::map<std::thread::id, std::thread> threads_;
    std::vector<std::thread::id> retired_;  // finished, still to be joined
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace logicmock
