#include "fake_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace logicmock::client::testing {
namespace {

// Reads up to the blank line after the headers, then a Content-Length body, so closing the
// socket afterwards never resets a connection with unread bytes in it.
std::string read_request(int fd) {
    std::string text;
    char byte = 0;
    while (text.size() < 65536 &&
           (text.size() < 4 || text.compare(text.size() - 4, 4, "\r\n\r\n"))) {
        if (::recv(fd, &byte, 1, 0) != 1) return text;
        text += byte;
    }
    return text;
}

FakeProxy::Seen parse(const std::string& text) {
    FakeProxy::Seen seen;
    std::size_t line_end = text.find("\r\n");
    seen.request_line = text.substr(0, line_end);
    while (line_end != std::string::npos) {
        const std::size_t start = line_end + 2;
        line_end = text.find("\r\n", start);
        const std::string line = text.substr(start, line_end - start);
        const auto colon = line.find(':');
        if (line.empty() || colon == std::string::npos) continue;
        std::size_t value = colon + 1;
        while (value < line.size() && line[value] == ' ') ++value;
        seen.headers.add(line.substr(0, colon), line.substr(value));
    }
    return seen;
}

void skip_body(int fd, const FakeProxy::Seen& seen) {
    const auto length = seen.headers.get("Content-Length");
    std::size_t left = length ? std::stoul(std::string(*length)) : 0;
    char buffer[4096];
    while (left > 0) {
        const ssize_t n = ::recv(fd, buffer, std::min(left, sizeof buffer), 0);
        if (n <= 0) return;
        left -= static_cast<std::size_t>(n);
    }
}

}  // namespace

struct FakeProxy::Impl {
    std::string answer;
    int listener = -1;
    int port = 0;
    std::thread thread;
    mutable std::mutex mutex;
    std::vector<Seen> seen;

    void serve() {
        for (;;) {
            const int fd = ::accept(listener, nullptr, nullptr);
            if (fd < 0) return;  // the listener was shut down
            Seen request = parse(read_request(fd));
            skip_body(fd, request);
            {
                std::lock_guard lock(mutex);
                seen.push_back(std::move(request));
            }
            ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
            ::shutdown(fd, SHUT_WR);
            ::close(fd);
        }
    }
};

FakeProxy::FakeProxy(std::string answer) : impl_(std::make_unique<Impl>()) {
    impl_->answer = std::move(answer);
    impl_->listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (impl_->listener < 0 ||
        ::bind(impl_->listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(impl_->listener, 16) != 0 ||
        ::getsockname(impl_->listener, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (impl_->listener >= 0) ::close(impl_->listener);
        throw std::runtime_error("fake proxy could not listen on 127.0.0.1");
    }
    impl_->port = ntohs(address.sin_port);
    impl_->thread = std::thread([impl = impl_.get()] { impl->serve(); });
}

FakeProxy::~FakeProxy() {
    ::shutdown(impl_->listener, SHUT_RDWR);  // accept() returns at once
    impl_->thread.join();
    ::close(impl_->listener);
}

int FakeProxy::port() const {
    return impl_->port;
}

std::string FakeProxy::url() const {
    return "http://127.0.0.1:" + std::to_string(port());
}

std::vector<FakeProxy::Seen> FakeProxy::requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->seen;
}

std::string proxy_answer(const std::string& status_line) {
    return "HTTP/1.1 " + status_line + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

}  // namespace logicmock::client::testing
