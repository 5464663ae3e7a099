#pragma once
// A plain TCP connection for what an HTTP client library would not send, and for seeing exactly
// how a connection ends (reset, orderly close, short body).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <string>

namespace logicmock::test {

class RawConnection {
  public:
    enum class End { Open, Closed, Reset };  // how the last read ended

    explicit RawConnection(int port, int timeout_s = 2) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        timeval timeout{timeout_s, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    }
    ~RawConnection() { ::close(fd_); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    void send(const std::string& bytes) { ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL); }

    // Everything until the server closes or resets (or the timeout passes: End::Open).
    std::string read_all() {
        std::string out;
        while (fill(out)) {
        }
        return out;
    }

    // One response: headers, then Content-Length bytes of body.
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

  private:
    bool fill(std::string& out) {
        char buffer[4096];
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
