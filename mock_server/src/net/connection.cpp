#include "net/connection.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
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

Connection::Connection(int fd, ConnectionLimits limits, SSL_CTX* tls)
    : fd_(fd), limits_(limits), deadline_(Clock::now() + limits.request_deadline) {
    int on = 1;  // Nagle would hold every response body back ~40 ms behind its headers
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (tls) {
        // Non-blocking, so an OpenSSL call never waits on its own: every wait is a poll below,
        // bounded by the read timeout and the request deadline.
        ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
        ssl_ = SSL_new(tls);
        if (ssl_) SSL_set_fd(ssl_, fd_);
    }
}

Connection::~Connection() {
    close();
}

std::chrono::milliseconds Connection::until_deadline(std::chrono::milliseconds cap) const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
    return std::clamp(left, std::chrono::milliseconds(0), cap);
}

bool Connection::wait_for_tls(int error, std::chrono::milliseconds cap) const {
    if (error == SSL_ERROR_WANT_READ) return poll_for(fd_, POLLIN, until_deadline(cap));
    if (error == SSL_ERROR_WANT_WRITE) return poll_for(fd_, POLLOUT, until_deadline(cap));
    return false;
}

bool Connection::handshake() {
    if (!ssl_) return true;
    for (;;) {
        int rc = SSL_accept(ssl_);
        if (rc == 1) return true;
        if (!wait_for_tls(SSL_get_error(ssl_, rc), limits_.read_timeout)) return false;
    }
}

Connection* Connection::current() {
    return t_current;
}

bool Connection::wait_readable(std::chrono::milliseconds limit) const {
    return screened_offset_ < screened_.size() || offset_ < filled_ || wait_socket(limit);
}

bool Connection::wait_socket(std::chrono::milliseconds limit) const {
    return (ssl_ && SSL_pending(ssl_) > 0) || poll_for(fd_, POLLIN, limit);
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
    return wait_readable(until_deadline(limits_.read_timeout));
}

bool Connection::is_writable() const {
    return poll_for(fd_, POLLOUT, limits_.write_timeout);
}

ssize_t Connection::read(char* ptr, size_t size) {
    if (screened_offset_ < screened_.size()) {
        std::size_t count = std::min(size, screened_.size() - screened_offset_);
        std::memcpy(ptr, screened_.data() + screened_offset_, count);
        screened_offset_ += count;
        return static_cast<ssize_t>(count);
    }
    return read_socket(ptr, size);
}

ScreenVerdict Connection::screen_request(std::string& reason) {
    screened_.erase(0, screened_offset_);  // what is left is the start of this request
    screened_offset_ = 0;
    RequestScreen screen(limits_.max_body_bytes);
    auto verdict = screen.feed(screened_);
    char chunk[4096];
    while (verdict == ScreenVerdict::NeedMore) {
        ssize_t n = read_socket(chunk, sizeof chunk);
        if (n <= 0) break;
        screened_.append(chunk, static_cast<std::size_t>(n));
        verdict = screen.feed(std::string_view(chunk, static_cast<std::size_t>(n)));
    }
    reason = screen.reason();
    head_size_ = verdict == ScreenVerdict::Complete ? screen.consumed() : 0;
    return verdict;
}

std::string_view Connection::screened_head() const {
    return std::string_view(screened_).substr(0, head_size_);
}

bool Connection::has_bytes_after_head() const {
    return screened_.size() > head_size_ || offset_ < filled_ || (ssl_ && SSL_pending(ssl_) > 0);
}

void Connection::consume_head() {
    screened_offset_ = std::min(head_size_, screened_.size());
}

bool Connection::start_tls(SSL_CTX& ctx, ProxiedTarget target) {
    if (ssl_) return false;  // no TLS inside TLS
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    ssl_ = SSL_new(&ctx);
    if (!ssl_) return false;
    SSL_set_fd(ssl_, fd_);
    tunnel_ = std::move(target);
    SSL_set_app_data(ssl_, &tunnel_->host);
    deadline_ = Clock::now() + limits_.request_deadline;
    return handshake();
}

void Connection::refuse_and_close(const std::string& answer) {
    if (!answer.empty()) write_raw(answer);
    if (!ssl_) {
        ::shutdown(fd_, SHUT_WR);
        // Unread bytes at close() make the kernel send a reset, which can destroy the answer
        // in the client's receive buffer; drain briefly (bounded in time and bytes).
        const auto until = Clock::now() + std::chrono::milliseconds(200);
        char sink[4096];
        std::size_t drained = 0;
        while (
            drained < (1u << 20) && Clock::now() < until &&
            poll_for(fd_, POLLIN,
                     std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()))) {
            ssize_t n = ::recv(fd_, sink, sizeof sink, 0);
            if (n <= 0) break;
            drained += static_cast<std::size_t>(n);
        }
    }
    close();
}

ssize_t Connection::read_socket(char* ptr, size_t size) {
    if (offset_ >= filled_) {
        // silent too long, or past the request deadline
        if (!wait_socket(until_deadline(limits_.read_timeout))) return -1;
        ssize_t n = receive(buffer_.get(), kBufferSize);
        filled_ = n > 0 ? static_cast<std::size_t>(n) : 0;
        offset_ = 0;
        if (n <= 0) return n;
    }
    std::size_t count = std::min(size, filled_ - offset_);
    std::memcpy(ptr, buffer_.get() + offset_, count);
    offset_ += count;
    return static_cast<ssize_t>(count);
}

ssize_t Connection::write(const char* ptr, size_t size) {
    if (abandoned_) return -1;  // a transport fault ended this response
    std::size_t sent = 0;
    while (sent < size) {
        if (!is_writable()) return sent > 0 ? static_cast<ssize_t>(sent) : -1;
        ssize_t n = send_some(ptr + sent, size - sent);
        if (n <= 0) return sent > 0 ? static_cast<ssize_t>(sent) : -1;
        sent += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(sent);
}

ssize_t Connection::receive(char* into, std::size_t size) {
    if (!ssl_) {
        ssize_t n;
        do {
            n = ::recv(fd_, into, size, 0);
        } while (n < 0 && errno == EINTR);
        return n;
    }
    for (;;) {
        int n = SSL_read(ssl_, into, static_cast<int>(size));
        if (n > 0) return n;
        int error = SSL_get_error(ssl_, n);
        if (error == SSL_ERROR_ZERO_RETURN) return 0;
        if (!wait_for_tls(error, limits_.read_timeout)) return -1;
    }
}

ssize_t Connection::send_some(const char* from, std::size_t size) {
    if (!ssl_) {
        ssize_t n;
        do {
            n = ::send(fd_, from, size, MSG_NOSIGNAL);
        } while (n < 0 && errno == EINTR);
        return n;
    }
    for (;;) {
        int n = SSL_write(ssl_, from, static_cast<int>(size));
        if (n > 0) return n;
        int error = SSL_get_error(ssl_, n);
        if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) return -1;
        if (!poll_for(fd_, error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT,
                      limits_.write_timeout)) {
            return -1;
        }
    }
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
    if (ssl_) {
        if (!reset_on_close_ && !abandoned_) SSL_shutdown(ssl_);  // best effort close_notify
        SSL_free(ssl_);
        ssl_ = nullptr;
    }
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
