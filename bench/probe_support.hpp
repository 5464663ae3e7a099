// Small socket helpers shared by the bench probes (not by the server or its tests).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>

namespace bench {

using Clock = std::chrono::steady_clock;

inline double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The regenerateAccessKey request of the default seed, on a keep-alive connection.
inline std::string regenerate_request() {
    const std::string body = R"({"keyType":"Primary"})";
    return "POST /subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/"
           "testResourceGroup/providers/Microsoft.Logic/workflows/testWorkflowName/"
           "regenerateAccessKey?api-version=2019-05-01 HTTP/1.1\r\n"
           "Host: 127.0.0.1\r\nAuthorization: Bearer bench-token\r\n"
           "Content-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Port from a listening line such as {"event":"listening","url":"http://127.0.0.1:PORT"}.
inline int port_of_listening_line(const std::string& line) {
    const std::string marker = "\"url\":\"http://127.0.0.1:";
    auto at = line.find(marker);
    if (at == std::string::npos) return -1;
    return std::atoi(line.c_str() + at + marker.size());
}

// A TCP connection to 127.0.0.1:port with Nagle off, or -1. Non-blocking, the connect may still
// be in progress when it returns.
inline int connect_loopback(int port, bool nonblocking = false) {
    int fd = ::socket(AF_INET, SOCK_STREAM | (nonblocking ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0) return -1;
    int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 &&
        !(nonblocking && errno == EINPROGRESS)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Status code of the first response read from fd (headers only), or -1.
inline int read_status(int fd) {
    std::string got;
    char chunk[4096];
    while (got.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return -1;
        got.append(chunk, static_cast<std::size_t>(n));
    }
    if (got.rfind("HTTP/1.1 ", 0) != 0 || got.size() < 12) return -1;
    return std::atoi(got.c_str() + 9);
}

inline bool send_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace bench
