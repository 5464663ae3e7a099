#pragma once
// A worker pool that starts threads only when every existing one is busy, up to a maximum.
// httplib serves a keep-alive connection on one thread for its whole life, so a fixed pool
// of N starves the (N+1)th client; this one grows to meet the clients that are really there
// and costs nothing for the ones that are not. Threads, once started, live until shutdown.

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace logicmock {

class ElasticThreadPool final : public httplib::TaskQueue {
  public:
    explicit ElasticThreadPool(std::size_t max_threads);
    ~ElasticThreadPool() override;

    void enqueue(std::function<void()> job) override;
    void shutdown() override;

  private:
    void work();

    const std::size_t max_threads_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;
    std::size_t idle_ = 0;
    bool stopping_ = false;
};

}  // namespace logicmock
