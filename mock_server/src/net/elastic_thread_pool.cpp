#include "net/elastic_thread_pool.hpp"

namespace logicmock {

ElasticThreadPool::ElasticThreadPool(std::size_t max_threads,
                                     std::chrono::milliseconds idle_retirement)
    : max_threads_(max_threads == 0 ? 1 : max_threads), idle_retirement_(idle_retirement) {}

ElasticThreadPool::~ElasticThreadPool() {
    shutdown();
}

void ElasticThreadPool::enqueue(std::function<void()> job) {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    join_retired();
    jobs_.push_back(std::move(job));
    if (idle_ < jobs_.size() && threads_.size() - retired_.size() < max_threads_) {
        std::thread worker([this] { work(); });
        auto id = worker.get_id();
        threads_.emplace(id, std::move(worker));
    } else {
        wake_.notify_one();
    }
}

void ElasticThreadPool::shutdown() {
    std::map<std::thread::id, std::thread> threads;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        threads.swap(threads_);
        retired_.clear();
    }
    wake_.notify_all();
    for (auto& [id, thread] : threads) {
        if (thread.joinable()) thread.join();
    }
}

std::size_t ElasticThreadPool::thread_count() const {
    std::lock_guard lock(mutex_);
    return threads_.size() - retired_.size();
}

void ElasticThreadPool::join_retired() {
    for (auto id : retired_) {
        auto it = threads_.find(id);
        if (it == threads_.end()) continue;
        it->second.join();  // it has left work() and no longer needs the lock
        threads_.erase(it);
    }
    retired_.clear();
}

void ElasticThreadPool::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        ++idle_;
        bool woken =
            wake_.wait_for(lock, idle_retirement_, [this] { return stopping_ || !jobs_.empty(); });
        --idle_;
        if (!woken) {  // idle too long: retire, unless the pool is being shut down anyway
            if (!stopping_) retired_.push_back(std::this_thread::get_id());
            return;
        }
        if (jobs_.empty()) return;  // stopping, and nothing left to run
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
        lock.lock();
    }
}

}  // namespace logicmock
