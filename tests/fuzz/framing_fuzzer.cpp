// libFuzzer target over the real connection loop: arbitrary bytes, cut into pieces at points the
// input chooses, sent over loopback to an in-process MockServer, then the sending side closed.
// The first input byte is the number of cuts; the next ones their positions.
//
// The oracle (any violation traps):
// - no answer on the connection is a 5xx (the admin API and x-mock-fault are off: a fault rule
//   one input posted, such as a delay, would otherwise hold the workers for the inputs after);
// - the server answers and closes well within the request deadline: framing is decided from
//   the bytes received, and a closed sending side ends the request.

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "logicmock/mock_server.hpp"

namespace {

constexpr int kRequestTimeoutMs = 1000;

logicmock::MockServer& server() {
    static std::unique_ptr<logicmock::MockServer> instance = [] {
        logicmock::ServerOptions options;
        options.port = 0;
        options.read_timeout_ms = 500;
        options.request_timeout_ms = kRequestTimeoutMs;
        options.keep_alive_timeout_s = 1;
        options.service.max_body_bytes = 4096;
        options.service.admin_enabled = false;
        auto s = std::make_unique<logicmock::MockServer>(options);
        s->start();
        return s;
    }();
    return *instance;
}

int connect_loopback(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) __builtin_trap();
    return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t cuts = std::min<std::size_t>(data[0] % 8, size - 1);
    std::vector<std::size_t> points;
    for (std::size_t i = 0; i < cuts; ++i) points.push_back(data[1 + i]);
    std::string_view bytes(reinterpret_cast<const char*>(data) + 1 + cuts, size - 1 - cuts);
    for (auto& p : points) p = bytes.empty() ? 0 : p % (bytes.size() + 1);
    points.push_back(bytes.size());
    std::sort(points.begin(), points.end());

    const auto start = std::chrono::steady_clock::now();
    int fd = connect_loopback(server().port());
    std::size_t sent = 0;
    for (std::size_t point : points) {
        if (point > sent) {
            if (::send(fd, bytes.data() + sent, point - sent, MSG_NOSIGNAL) < 0) break;
            sent = point;
        }
    }
    ::shutdown(fd, SHUT_WR);
    std::string answer;
    char buffer[4096];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, kRequestTimeoutMs + 2000) <= 0) __builtin_trap();  // never closed
        ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        answer.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    if (std::chrono::steady_clock::now() - start >
        std::chrono::milliseconds(kRequestTimeoutMs + 1000)) {
        __builtin_trap();
    }
    for (auto pos = answer.find("HTTP/1.1 5"); pos != std::string::npos;
         pos = answer.find("HTTP/1.1 5", pos + 1)) {
        if (pos == 0 || answer.compare(pos - 2, 2, "\r\n") == 0) __builtin_trap();
    }
    return 0;
}
