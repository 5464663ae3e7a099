#include "proxy_tunnel.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <memory>
#include <optional>
#include <system_error>

namespace logicmock::client {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using Kind = TransportError::Kind;

constexpr std::size_t kMaxAnswer = 64 * 1024;  // status line and headers of the CONNECT answer

std::string error_text(int code) {
    return std::system_category().message(code);
}

// Waits until fd is ready for `events` or the deadline passes: >0 ready, 0 timed out, <0 error.
int wait_until(int fd, short events, Clock::time_point deadline) {
    for (;;) {
        const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return 0;
        pollfd entry{fd, events, 0};
        const int ready = ::poll(&entry, 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
        if (ready < 0 && errno == EINTR) continue;
        return ready;
    }
}

class Tunnel {
  public:
    explicit Tunnel(const TunnelRequest& request)
        : request_(request), proxy_(request.proxy.display()) {}

    std::variant<int, TransportError> open() {
        if (auto failure = connect_to_proxy()) return *failure;
        if (auto failure = send_connect()) return close_with(*failure);
        if (auto failure = read_answer()) return close_with(*failure);
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }

    ~Tunnel() {
        if (fd_ >= 0) ::close(fd_);
    }

  private:
    TransportError error(Kind kind, const std::string& what, int proxy_status = 0) const {
        return {kind, what + " (for " + request_.target + ")", proxy_, proxy_status};
    }

    TransportError close_with(TransportError failure) {
        ::close(fd_);
        fd_ = -1;
        return failure;
    }

    std::optional<TransportError> connect_to_proxy() {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        addrinfo* found = nullptr;
        const std::string port = std::to_string(request_.proxy.port);
        if (int rc = ::getaddrinfo(request_.proxy.host.c_str(), port.c_str(), &hints, &found)) {
            return error(Kind::Connect, "could not resolve proxy " + proxy_ + ": " +
                                            std::string(::gai_strerror(rc)));
        }
        std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
        const auto deadline = Clock::now() + request_.connect_timeout;
        std::string last_error = "no address";
        bool timed_out = false;
        for (const addrinfo* a = found; a; a = a->ai_next) {
            const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
                                    a->ai_protocol);
            if (fd < 0) {
                last_error = error_text(errno);
                continue;
            }
            int code = ::connect(fd, a->ai_addr, a->ai_addrlen) == 0 ? 0 : errno;
            if (code == EINPROGRESS) {
                const int ready = wait_until(fd, POLLOUT, deadline);
                socklen_t length = sizeof code;
                if (ready == 0) {
                    timed_out = true;
                } else if (ready < 0) {
                    code = errno;
                } else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) != 0) {
                    code = errno;
                }
                if (ready == 0) code = ETIMEDOUT;
            }
            if (code != 0) {
                last_error = error_text(code);
                ::close(fd);
                continue;
            }
            // Blocking again, as the HTTP library expects; it applies its own timeouts.
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            fd_ = fd;
            return std::nullopt;
        }
        if (timed_out) {
            return error(Kind::Timeout, "timed out connecting to proxy " + proxy_ + " within " +
                                            std::to_string(request_.connect_timeout.count()) +
                                            " ms");
        }
        return error(Kind::Connect, "could not connect to proxy " + proxy_ + ": " + last_error);
    }

    std::optional<TransportError> send_connect() {
        std::string text =
            "CONNECT " + request_.target + " HTTP/1.1\r\nHost: " + request_.target + "\r\n";
        if (!request_.user_agent.empty()) text += "User-Agent: " + request_.user_agent + "\r\n";
        if (const std::string auth = request_.proxy.authorization(); !auth.empty()) {
            text += "Proxy-Authorization: " + auth + "\r\n";
        }
        text += "\r\n";
        const auto deadline = Clock::now() + request_.write_timeout;
        std::size_t sent = 0;
        while (sent < text.size()) {
            const int ready = wait_until(fd_, POLLOUT, deadline);
            if (ready == 0) {
                return error(Kind::Timeout, "timed out sending CONNECT to proxy " + proxy_);
            }
            const ssize_t n =
                ready < 0 ? -1 : ::send(fd_, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                return error(Kind::Io, "connection to proxy " + proxy_ +
                                           " dropped while sending CONNECT: " + error_text(errno));
            }
            sent += static_cast<std::size_t>(n);
        }
        return std::nullopt;
    }

    // The status line and headers, one byte at a time so nothing of the tunnel is consumed.
    std::optional<TransportError> read_answer() {
        const auto deadline = Clock::now() + request_.read_timeout;
        std::string answer;
        while (answer.size() < 4 || answer.compare(answer.size() - 4, 4, "\r\n\r\n") != 0) {
            if (answer.size() >= kMaxAnswer) {
                return error(Kind::Io, "proxy " + proxy_ + " sent an over-long answer to CONNECT");
            }
            const int ready = wait_until(fd_, POLLIN, deadline);
            if (ready == 0) {
                return error(Kind::Timeout, "proxy " + proxy_ + " did not answer CONNECT within " +
                                                std::to_string(request_.read_timeout.count()) +
                                                " ms");
            }
            char byte = 0;
            const ssize_t n = ready < 0 ? -1 : ::recv(fd_, &byte, 1, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                return error(Kind::Io,
                             "proxy " + proxy_ + " closed the connection before answering CONNECT");
            }
            answer += byte;
        }
        return check_status(answer.substr(0, answer.find("\r\n")));
    }

    // "HTTP/1.1 200 Connection established": any 2xx opens the tunnel (as curl and Go).
    std::optional<TransportError> check_status(const std::string& line) const {
        const bool http = line.rfind("HTTP/1.", 0) == 0 && line.size() >= 12 && line[8] == ' ' &&
                          std::isdigit(static_cast<unsigned char>(line[9])) &&
                          std::isdigit(static_cast<unsigned char>(line[10])) &&
                          std::isdigit(static_cast<unsigned char>(line[11]));
        if (!http) {
            return error(Kind::Io, "proxy " + proxy_ + " answered CONNECT with something not HTTP");
        }
        const int status = std::stoi(line.substr(9, 3));
        if (status >= 200 && status < 300) return std::nullopt;
        std::string reason;
        for (char c : line.substr(std::min<std::size_t>(line.size(), 13)).substr(0, 100)) {
            if (c >= 0x20 && c < 0x7f) reason += c;  // printable ASCII only
        }
        std::string what = "proxy " + proxy_ + " refused CONNECT " + request_.target + ": " +
                           std::to_string(status) + (reason.empty() ? "" : " " + reason);
        if (status == 407) {
            what += request_.proxy.username
                        ? " (the proxy URL's credentials were not accepted)"
                        : " (the proxy wants credentials: http://user:password@host:port)";
        }
        return TransportError{Kind::Proxy, what, proxy_, status};
    }

    const TunnelRequest& request_;
    const std::string proxy_;
    int fd_ = -1;
};

}  // namespace

std::variant<int, TransportError> open_tunnel(const TunnelRequest& request) {
    return Tunnel(request).open();
}

}  // namespace logicmock::client
