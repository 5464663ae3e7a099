#include "connection.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace logicmock {
namespace {

thread_local Connection* t_current = nullptr;

bool poll_for(int fd, short events, std::chrono::milliseconds limit) {
    pollfd p{fd, events, 0};
    int ms = static_cast<int>(std::max<long long>(0, limit.count()));
    int n;
    do {
        n = ::poll(&p, 1, ms);
    } while (n < 0 && errno == EINTR);
    return n > 0 && (p.revents & (events | POLLHUP | POLLERR));
}

void address_of(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
                  : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    if (rc != 0) return;
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        auto* in = reinterpret_cast<sockaddr_in*>(&addr);
        ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        port = ntohs(in->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&addr);
        ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
        port = ntohs(in6->sin6_port);
    }
    ip = text;
}

}  // namespace

Connection::Connection(int fd, ConnectionLimits limits)
    : fd_(fd), limits_(limits), deadline_(Clock::now() + limits.request_deadline) {
    int on = 1;  // Nagle would hold every response body back ~40 ms behind its headers
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

Connection* Connection::current() {
    return t_current;
}

bool Connection::wait_readable(std::chrono::milliseconds limit) const {
    return offset_ < buffer_.size() || poll_for(fd_, POLLIN, limit);
}

bool Connection::wait_for_request(const std::function<bool()>& keep_waiting) {
    using std::chrono::milliseconds;
    const auto until = Clock::now() + limits_.keep_alive_timeout;
    while (!closed_ && !abandoned_ && keep_waiting()) {
        auto left = std::chrono::duration_cast<milliseconds>(until - Clock::now());
        if (wait_readable(std::clamp(left, milliseconds(0), milliseconds(100)))) {
            deadline_ = Clock::now() + limits_.request_deadline;
            return true;
        }
        if (left <= milliseconds(0)) return false;
    }
    return false;
}

bool Connection::is_readable() const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
    return wait_readable(std::min(limits_.read_timeout, left));
}

bool Connection::is_writable() const {
    return poll_for(fd_, POLLOUT, limits_.write_timeout);
}

ssize_t Connection::read(char* ptr, size_t size) {
    if (offset_ >= buffer_.size()) {
        if (!is_readable()) return -1;  // silent too long, or past the request deadline
        buffer_.resize(16 * 1024);
        ssize_t n;
        do {
            n = ::recv(fd_, buffer_.data(), buffer_.size(), 0);
        } while (n < 0 && errno == EINTR);
        buffer_.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        offset_ = 0;
        if (n <= 0) return n;
    }
    std::size_t count = std::min(size, buffer_.size() - offset_);
    std::memcpy(ptr, buffer_.data() + offset_, count);
    offset_ += count;
    return static_cast<ssize_t>(count);
}

ssize_t Connection::write(const char* ptr, size_t size) {
    if (abandoned_) return -1;  // a transport fault ended this response
    std::size_t sent = 0;
    while (sent < size) {
        if (!is_writable()) return sent > 0 ? static_cast<ssize_t>(sent) : -1;
        ssize_t n = ::send(fd_, ptr + sent, size - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return sent > 0 ? static_cast<ssize_t>(sent) : -1;
        sent += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(sent);
}

bool Connection::write_raw(const std::string& bytes) {
    return write(bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
}

void Connection::get_remote_ip_and_port(std::string& ip, int& port) const {
    address_of(fd_, true, ip, port);
}

void Connection::get_local_ip_and_port(std::string& ip, int& port) const {
    address_of(fd_, false, ip, port);
}

void Connection::close() {
    if (closed_) return;
    closed_ = true;
    if (reset_on_close_) {
        linger hard{1, 0};  // close() then sends RST instead of FIN
        ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    } else {
        ::shutdown(fd_, SHUT_RDWR);
    }
    ::close(fd_);
}

CurrentConnection::CurrentConnection(Connection& c) {
    t_current = &c;
}
CurrentConnection::~CurrentConnection() {
    t_current = nullptr;
}

}  // namespace logicmock
