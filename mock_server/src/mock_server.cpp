// MockServer: owns the state, the Service and the httplib server, and runs it on a thread.

#include "logicmock/mock_server.hpp"

#include <chrono>
#include <stdexcept>
#include <thread>

#include "http_adapter.hpp"

namespace logicmock {

struct MockServer::Impl {
    ServerOptions options;
    std::shared_ptr<WorkflowStore> store;
    Service service;
    InjectedWaits waits;
    httplib::Server http;
    std::thread thread;
    int port = 0;
    bool started = false;

    explicit Impl(ServerOptions o)
        : options(std::move(o)),
          store(make_memory_store(options.seed ? *options.seed : default_seed())),
          service(options.service, store) {
        configure_http_server(http, AdapterContext{options, service, *store, waits});
    }
};

MockServer::MockServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

MockServer::~MockServer() {
    stop();
}

void MockServer::start() {
    if (impl_->started) return;
    auto& http = impl_->http;
    const auto& o = impl_->options;
    int port = o.port == 0 ? http.bind_to_any_port(o.host) : o.port;
    if (port < 0 || (o.port != 0 && !http.bind_to_port(o.host, o.port))) {
        throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port));
    }
    impl_->port = port;
    impl_->waits.rearm();
    impl_->thread = std::thread([&http] { http.listen_after_bind(); });
    impl_->started = true;
    // stop() is a no-op until the accept loop runs, so wait for it.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!http.is_running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
}

void MockServer::stop() {
    if (!impl_->started) return;
    impl_->waits.cancel();
    impl_->http.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
    impl_->started = false;
}

const std::string& MockServer::host() const {
    return impl_->options.host;
}
int MockServer::port() const {
    return impl_->port;
}
std::string MockServer::url() const {
    return "http://" + impl_->options.host + ":" + std::to_string(impl_->port);
}
Service& MockServer::service() {
    return impl_->service;
}
WorkflowStore& MockServer::store() {
    return *impl_->store;
}

}  // namespace logicmock
