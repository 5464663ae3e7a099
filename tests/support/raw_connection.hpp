#pragma once
// A plain TCP connection to 127.0.0.1 for what an HTTP client library would never send:
// pipelined, truncated, oversized or malformed requests. Test-only, header-only.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <string>

namespace logicmock::test {

class RawConnection {
  public:
    enum class End { Open, Closed, Reset };  // how the last read ended
    explicit RawConnection(int port,
                           std::chrono::milliseconds read_timeout = std::chrono::seconds(2))
        : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(fd_);
            throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
        }
        timeval timeout{static_cast<time_t>(read_timeout.count() / 1000),
                        static_cast<suseconds_t>(read_timeout.count() % 1000 * 1000)};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~RawConnection() { ::close(fd_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    int fd() const { return fd_; }

    // False once the peer has closed or reset the connection.
    bool send(const std::string& bytes) {
        return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
               static_cast<ssize_t>(bytes.size());
    }

    // Everything until the server closes (or the read timeout passes in silence).
    std::string read_all() {
        std::string out = std::move(pending_);
        pending_.clear();
        while (fill(out)) {
        }
        return out;
    }

    // One response: headers, then Content-Length bytes of body; "" when none came.
    std::string read_response() {
        std::string out = std::move(pending_);
        pending_.clear();
        std::size_t end;
        while ((end = out.find("\r\n\r\n")) == std::string::npos) {
            if (!fill(out)) return out;
        }
        std::size_t length = 0;
        auto cl = out.find("Content-Length: ");
        if (cl != std::string::npos && cl < end) length = std::stoul(out.substr(cl + 16));
        while (out.size() < end + 4 + length) {
            if (!fill(out)) return out;
        }
        pending_ = out.substr(end + 4 + length);
        return out.substr(0, end + 4 + length);
    }

    End end() const { return end_; }

    // True when the server closed the connection (EOF or reset) within the read timeout.
    bool closed_by_peer() {
        char byte;
        ssize_t n = ::recv(fd_, &byte, 1, 0);
        return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
    }

  private:
    bool fill(std::string& out) {
        char buffer[8192];
        ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
        if (n > 0) {
            out.append(buffer, static_cast<std::size_t>(n));
            return true;
        }
        end_ = n == 0 ? End::Closed : (errno == ECONNRESET ? End::Reset : End::Open);
        return false;
    }
    int fd_;
    std::string pending_;
    End end_ = End::Open;
};

}  // namespace logicmock::test
