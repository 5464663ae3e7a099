#include "transport_faults.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstdlib>
#include <string>

#include "http_adapter.hpp"

#if defined(__SANITIZE_THREAD__)
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#endif

namespace logicmock {
namespace {

// The scan below fstat()s descriptors that other threads may be closing. That is harmless (a
// read-only call that fails or describes some other file, which then does not match), but
// ThreadSanitizer reports it as a race on the descriptor, so the scan is hidden from it.
struct UnobservedByTsan {
#if defined(__SANITIZE_THREAD__)
    UnobservedByTsan() {
        __tsan_ignore_thread_begin();
    }
    ~UnobservedByTsan() {
        __tsan_ignore_thread_end();
    }
#endif
};

bool same_endpoint(const sockaddr_storage& address, const std::string& ip, int port) {
    char text[INET6_ADDRSTRLEN] = {};
    int actual_port = -1;
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        actual_port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        actual_port = ntohs(v6.sin6_port);
    } else {
        return false;
    }
    return actual_port == port && ip == text;
}

bool is_connection(int fd, const httplib::Request& request) {
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) return false;
    sockaddr_storage local{}, peer{};
    socklen_t local_size = sizeof local, peer_size = sizeof peer;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0) return false;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) return false;
    return same_endpoint(local, request.local_addr, request.local_port) &&
           same_endpoint(peer, request.remote_addr, request.remote_port);
}

void send_reset(int fd) {
    linger abort{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
    sockaddr unspecified{};
    unspecified.sa_family = AF_UNSPEC;
    ::connect(fd, &unspecified, sizeof unspecified);  // tcp_disconnect: RST now, fd stays valid
}

// Headers with the full Content-Length, `bytes` of the body, then a failed provider, which
// makes httplib close the connection.
void send_partial(const Response& core, std::size_t bytes, httplib::Response& out) {
    Response headers_only = core;
    headers_only.body.clear();
    std::string content_type = "application/octet-stream";
    if (auto type = core.headers.get("Content-Type")) content_type = std::string(*type);
    headers_only.headers.set("Content-Type", "");
    write_core_response(headers_only, out);
    out.set_content_provider(
        core.body.size(), content_type,
        [body = core.body, bytes](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            if (offset < bytes) sink.write(body.data() + offset, bytes - offset);
            return false;
        });
}

}  // namespace

bool InjectedWaits::wait_for(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !changed_.wait_for(lock, duration, [this] { return cancelled_; });
}

void InjectedWaits::cancel() {
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
    }
    changed_.notify_all();
}

void InjectedWaits::rearm() {
    std::lock_guard lock(mutex_);
    cancelled_ = false;
}

int find_connection_socket(const httplib::Request& request) {
    [[maybe_unused]] UnobservedByTsan unobserved;
    DIR* fds = ::opendir("/proc/self/fd");
    if (!fds) return -1;
    int found = -1;
    while (dirent* entry = ::readdir(fds)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
        const int fd = std::atoi(entry->d_name);
        if (fd != ::dirfd(fds) && is_connection(fd, request)) {
            found = fd;
            break;
        }
    }
    ::closedir(fds);
    return found;
}

void deliver_response(const Response& core, const httplib::Request& request, httplib::Response& out,
                      InjectedWaits& waits) {
    if (core.delay_ms > 0) waits.wait_for(std::chrono::milliseconds(core.delay_ms));
    if (!core.transport_fault) {
        write_core_response(core, out);
        return;
    }
    const TransportFault& fault = *core.transport_fault;
    if (fault.kind == TransportFaultKind::PartialBody) {
        send_partial(core, fault.body_bytes, out);
        return;
    }
    if (fault.kind == TransportFaultKind::Hold) {
        waits.wait_for(std::chrono::milliseconds(fault.hold_ms));
    }
    const int fd = find_connection_socket(request);
    if (fd < 0) {
        // Not expected on Linux; still never answer normally: headers, then a dropped body.
        send_partial(core, 0, out);
        return;
    }
    if (fault.kind == TransportFaultKind::Reset) {
        send_reset(fd);
    } else {
        ::shutdown(fd, SHUT_RDWR);
    }
    // httplib still writes this; the write fails on the dead socket and httplib closes it.
    write_core_response(core, out);
}

}  // namespace logicmock
