#include "stub_server.hpp"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <mutex>
#include <stdexcept>
#include <thread>

namespace logicmock::client::testing {

struct StubServer::Impl {
    httplib::Server server;
    Handler handler;
    int port = 0;
    std::thread thread;
    mutable std::mutex mutex;
    std::vector<HttpRequest> requests;

    void serve(const httplib::Request& req, httplib::Response& res) {
        HttpRequest request{req.method, req.target, {}, req.body};
        for (const auto& [name, value] : req.headers) request.headers.add(name, value);
        {
            std::lock_guard lock(mutex);
            requests.push_back(request);
        }
        HttpResponse response = handler(request);
        res.status = response.status;
        std::string content_type = "text/plain";
        for (const auto& [name, value] : response.headers) {
            if (name == "Content-Type")
                content_type = value;
            else
                res.headers.emplace(name, value);
        }
        if (!response.body.empty()) res.set_content(response.body, content_type);
    }
};

StubServer::StubServer(Handler handler) : impl_(std::make_unique<Impl>()) {
    impl_->handler = std::move(handler);
    auto serve = [this](const httplib::Request& req, httplib::Response& res) {
        impl_->serve(req, res);
    };
    impl_->server.Post(".*", serve);
    impl_->server.Get(".*", serve);
    impl_->port = impl_->server.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0) throw std::runtime_error("stub server could not bind 127.0.0.1");
    impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
    while (!impl_->server.is_running()) std::this_thread::yield();
}

StubServer::~StubServer() {
    impl_->server.stop();
    impl_->thread.join();
}

int StubServer::port() const {
    return impl_->port;
}
std::string StubServer::url() const {
    return "http://127.0.0.1:" + std::to_string(port());
}

std::vector<HttpRequest> StubServer::requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->requests;
}

int closed_port() {
    // A socket that is bound but never listens, closed at once: its port refuses connections.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok) throw std::runtime_error("could not find a free port");
    return ntohs(address.sin_port);
}

}  // namespace logicmock::client::testing
