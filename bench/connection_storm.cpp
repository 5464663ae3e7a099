// "1000 connections opened at once": opens COUNT sockets to 127.0.0.1:PORT without waiting,
// sends one regenerateAccessKey request on each as soon as it connects, and waits (up to
// TIMEOUT seconds) for every answer while all sockets stay open. Then, with those connections
// still open, a fresh client connects and sends the same request: is it still served, and how
// fast? Prints one JSON object.
//
// usage: bench_connection_storm PORT [COUNT] [TIMEOUT_S]
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <iostream>
#include <vector>

#include "probe_support.hpp"

namespace {

struct Client {
    int fd = -1;
    bool sent = false;
    int status = 0;  // 0 still waiting, -1 failed
    double answered_ms = -1;
    std::string got;
};

void raise_fd_limit(std::size_t needed) {
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < needed) {
        limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, needed);
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// Advances one client on a poll event; returns true once it is finished (answered or failed).
bool advance(Client& c, short revents, const std::string& request, bench::Clock::time_point t0) {
    if (revents & (POLLERR | POLLHUP | POLLNVAL)) {
        if (!(revents & POLLIN)) {
            c.status = -1;
            return true;
        }
    }
    if (!c.sent && (revents & POLLOUT)) {
        // The request is far below the socket buffer: one send takes it whole.
        if (::send(c.fd, request.data(), request.size(), MSG_NOSIGNAL) !=
            static_cast<ssize_t>(request.size())) {
            c.status = -1;
            return true;
        }
        c.sent = true;
    }
    if (c.sent && (revents & POLLIN)) {
        char chunk[4096];
        ssize_t n = ::recv(c.fd, chunk, sizeof chunk, 0);
        if (n <= 0) {
            c.status = -1;
            return true;
        }
        c.got.append(chunk, static_cast<std::size_t>(n));
        if (c.got.find("\r\n\r\n") != std::string::npos) {
            c.status = c.got.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(c.got.c_str() + 9) : -1;
            c.answered_ms = bench::ms_since(t0);
            return true;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_connection_storm PORT [COUNT] [TIMEOUT_S]\n";
        return 2;
    }
    const int port = std::atoi(argv[1]);
    const int count = argc > 2 ? std::atoi(argv[2]) : 1000;
    const double timeout_ms = (argc > 3 ? std::atof(argv[3]) : 10.0) * 1000;
    raise_fd_limit(static_cast<std::size_t>(count) + 64);
    const std::string request = bench::regenerate_request();

    std::vector<Client> clients(static_cast<std::size_t>(count));
    const auto t0 = bench::Clock::now();
    int not_opened = 0;
    for (auto& c : clients) {
        c.fd = bench::connect_loopback(port, true);
        if (c.fd < 0) {
            c.status = -1;
            ++not_opened;
        }
    }

    std::size_t pending = 0;
    for (auto& c : clients) pending += c.status == 0;
    while (pending > 0 && bench::ms_since(t0) < timeout_ms) {
        std::vector<pollfd> fds;
        std::vector<Client*> owners;
        for (auto& c : clients) {
            if (c.status != 0) continue;
            fds.push_back({c.fd, static_cast<short>(c.sent ? POLLIN : POLLOUT), 0});
            owners.push_back(&c);
        }
        int n = ::poll(fds.data(), fds.size(), 100);
        if (n <= 0) continue;
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].revents && advance(*owners[i], fds[i].revents, request, t0)) --pending;
        }
    }
    const double storm_ms = bench::ms_since(t0);

    int ok = 0, other = 0, failed = 0, unanswered = 0;
    double slowest = 0;
    for (const auto& c : clients) {
        if (c.status == 200)
            ++ok;
        else if (c.status > 0)
            ++other;
        else if (c.status < 0)
            ++failed;
        else
            ++unanswered;
        slowest = std::max(slowest, c.answered_ms);
    }

    // A fresh client while all of the storm's connections are still open.
    const auto fresh_start = bench::Clock::now();
    int fresh_status = -1;
    int fd = bench::connect_loopback(port);
    if (fd >= 0) {
        timeval limit{5, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        if (bench::send_all(fd, request)) fresh_status = bench::read_status(fd);
        ::close(fd);
    }
    const double fresh_ms = bench::ms_since(fresh_start);
    for (auto& c : clients) {
        if (c.fd >= 0) ::close(c.fd);
    }

    std::printf(
        "{\"connections\":%d,\"answered_200\":%d,\"answered_other\":%d,\"failed\":%d,"
        "\"unanswered\":%d,\"not_opened\":%d,\"all_answered_ms\":%.1f,\"slowest_answer_ms\":%.1f,"
        "\"fresh_client_status\":%d,\"fresh_client_ms\":%.2f}\n",
        count, ok, other, failed, unanswered, not_opened, storm_ms, slowest, fresh_status,
        fresh_ms);
    return ok == count && fresh_status == 200 ? 0 : 1;
}
