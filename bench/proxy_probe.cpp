// The proxy's costs (docs/proxy.md), for bench/run.sh; wrk cannot send CONNECT.
//
//   bench_proxy_probe keepalive PORT CONNECTIONS SECONDS proxy|direct
//       CONNECTIONS clients, each on one connection for SECONDS, sending regenerateAccessKey
//       back to back with keep-alive: "proxy" opens it with one CONNECT management.azure.com:443
//       to PORT and TLS inside the tunnel, "direct" speaks TLS straight to PORT (the HTTPS
//       listener). Prints the same JSON as bench/lua/common.lua (req/s, latency in µs, errors),
//       so the two modes of one run compare like for like.
//   bench_proxy_probe first PORT COUNT
//       COUNT times, one request to a host not seen before (prod-NN.westus.logic.azure.com, NN
//       from 10): connect, CONNECT (the server issues that host's leaf certificate before its
//       200), TLS handshake, one request, its answer. Prints the total and its parts (median,
//       min, p90, max in ms). The server keeps each host's leaf: only a server that has not
//       seen those hosts yet measures issuing them.
//
// Certificates are not verified here: the tests check them; this measures time only.
#include <openssl/ssl.h>

#include <memory>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "probe_support.hpp"

namespace {

using bench::Clock;
using bench::ms_since;

const std::string kArm = "management.azure.com";

std::string regenerate_request(const std::string& host) {
    std::string request = bench::regenerate_request();
    const std::string from = "Host: 127.0.0.1\r\n";
    request.replace(request.find(from), from.size(), "Host: " + host + "\r\n");
    return request;
}

// CONNECT authority over fd; true when answered 200.
bool open_tunnel(int fd, const std::string& authority) {
    return bench::send_all(
               fd, "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n") &&
           bench::read_status(fd) == 200;
}

struct Tls {
    explicit Tls(SSL_CTX* ctx, int fd, const std::string& sni) : ssl(SSL_new(ctx)) {
        SSL_set_fd(ssl, fd);
        SSL_set_tlsext_host_name(ssl, sni.c_str());
    }
    ~Tls() { SSL_free(ssl); }
    Tls(const Tls&) = delete;
    Tls& operator=(const Tls&) = delete;
    bool handshake() { return SSL_connect(ssl) == 1; }

    bool send(const std::string& bytes) {
        return SSL_write(ssl, bytes.data(), static_cast<int>(bytes.size())) ==
               static_cast<int>(bytes.size());
    }

    // Status of one response (headers, then Content-Length bytes), or -1.
    int read_response(std::size_t& bytes) {
        std::size_t end;
        while ((end = buffer.find("\r\n\r\n")) == std::string::npos) {
            if (!fill()) return -1;
        }
        std::size_t length = 0;
        auto cl = buffer.find("Content-Length: ");
        if (cl != std::string::npos && cl < end)
            length = std::strtoul(&buffer[cl + 16], nullptr, 10);
        while (buffer.size() < end + 4 + length) {
            if (!fill()) return -1;
        }
        int status = buffer.rfind("HTTP/1.1 ", 0) == 0 ? std::atoi(buffer.c_str() + 9) : -1;
        bytes += end + 4 + length;
        buffer.erase(0, end + 4 + length);
        return status;
    }

    bool fill() {
        char chunk[16384];
        int n = SSL_read(ssl, chunk, sizeof chunk);
        if (n <= 0) return false;
        buffer.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    SSL* ssl;
    std::string buffer;
};

long long percentile(std::vector<long long>& sorted, double p) {
    if (sorted.empty()) return 0;
    auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(i, sorted.size() - 1)];
}

int keepalive(SSL_CTX* ctx, int port, int connections, int seconds, bool proxy) {
    struct Result {
        std::vector<long long> latencies_us;
        std::size_t bytes = 0;
        int connect_errors = 0, read_errors = 0, status_errors = 0;
    };
    std::vector<Result> results(static_cast<std::size_t>(connections));
    std::atomic<bool> stop{false};
    const std::string host = proxy ? kArm : "127.0.0.1";
    const std::string request = regenerate_request(host);
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int c = 0; c < connections; ++c) {
        threads.emplace_back([&, c] {
            Result& r = results[static_cast<std::size_t>(c)];
            r.latencies_us.reserve(1 << 16);
            int fd = bench::connect_loopback(port);
            if (fd < 0 || (proxy && !open_tunnel(fd, kArm + ":443"))) {
                ++r.connect_errors;
                if (fd >= 0) ::close(fd);
                return;
            }
            {
                Tls tls(ctx, fd, proxy ? kArm : "localhost");
                if (!tls.handshake()) {
                    ++r.connect_errors;
                } else {
                    while (!stop.load(std::memory_order_relaxed)) {
                        const auto sent = Clock::now();
                        if (!tls.send(request)) {
                            ++r.read_errors;
                            break;
                        }
                        int status = tls.read_response(r.bytes);
                        if (status < 0) {
                            ++r.read_errors;
                            break;
                        }
                        if (status != 200) ++r.status_errors;
                        r.latencies_us.push_back(static_cast<long long>(ms_since(sent) * 1000));
                    }
                }
            }
            ::close(fd);
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    for (auto& t : threads) t.join();
    const double duration_us = ms_since(start) * 1000;
    std::vector<long long> all;
    std::size_t bytes = 0;
    int connect_errors = 0, read_errors = 0, status_errors = 0;
    for (auto& r : results) {
        all.insert(all.end(), r.latencies_us.begin(), r.latencies_us.end());
        bytes += r.bytes;
        connect_errors += r.connect_errors;
        read_errors += r.read_errors;
        status_errors += r.status_errors;
    }
    std::sort(all.begin(), all.end());
    double mean = 0;
    for (auto v : all) mean += static_cast<double>(v);
    if (!all.empty()) mean /= static_cast<double>(all.size());
    std::printf(
        "{\"requests\":%zu,\"duration_us\":%.0f,\"bytes\":%zu,\"rps\":%.1f,\"p50_us\":%lld,"
        "\"p90_us\":%lld,\"p99_us\":%lld,\"max_us\":%lld,\"mean_us\":%.1f,"
        "\"errors\":{\"connect\":%d,\"read\":%d,\"write\":0,\"status\":%d,\"timeout\":0}}\n",
        all.size(), duration_us, bytes, static_cast<double>(all.size()) / (duration_us / 1e6),
        percentile(all, 50), percentile(all, 90), percentile(all, 99), all.empty() ? 0 : all.back(),
        mean, connect_errors, read_errors, status_errors);
    return connect_errors + read_errors + status_errors == 0 ? 0 : 1;
}

int first_request(SSL_CTX* ctx, int port, int count) {
    std::vector<double> total, tunnel, handshake, answer;
    int failed = 0;
    for (int i = 0; i < count; ++i) {
        const std::string host = "prod-" + std::to_string(10 + i % 90) + ".westus.logic.azure.com";
        const auto start = Clock::now();
        int fd = bench::connect_loopback(port);
        if (fd < 0 || !open_tunnel(fd, host + ":443")) {
            ++failed;
            if (fd >= 0) ::close(fd);
            continue;
        }
        const double t_tunnel = ms_since(start);
        bool ok = false;
        double t_handshake = 0;
        {
            Tls tls(ctx, fd, host);
            if (tls.handshake()) {
                t_handshake = ms_since(start);
                std::size_t bytes = 0;
                // An invocation without a valid signature: answered by the runtime at once.
                ok = tls.send(
                         "POST /workflows/00000000000000000000000000000000/triggers/manual/"
                         "paths/invoke?api-version=2019-05-01 HTTP/1.1\r\nHost: " +
                         host + "\r\nContent-Length: 0\r\n\r\n") &&
                     tls.read_response(bytes) > 0;
            }
        }
        ::close(fd);
        if (!ok) {
            ++failed;
            continue;
        }
        total.push_back(ms_since(start));
        tunnel.push_back(t_tunnel);
        handshake.push_back(t_handshake - t_tunnel);
        answer.push_back(total.back() - t_handshake);
    }
    auto stats = [](std::vector<double> v) {
        if (v.empty()) return std::string("null");
        std::sort(v.begin(), v.end());
        char out[160];
        std::snprintf(out, sizeof out,
                      "{\"median_ms\":%.2f,\"min_ms\":%.2f,\"p90_ms\":%.2f,\"max_ms\":%.2f}",
                      v[v.size() / 2], v.front(), v[(v.size() - 1) * 9 / 10], v.back());
        return std::string(out);
    };
    std::printf(
        "{\"runs\":%d,\"failed\":%d,\"total\":%s,\"connect_answered\":%s,\"tls_handshake\":%s,"
        "\"first_answer\":%s}\n",
        count, failed, stats(total).c_str(), stats(tunnel).c_str(), stats(handshake).c_str(),
        stats(answer).c_str());
    return failed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    std::shared_ptr<SSL_CTX> ctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
    if (mode == "keepalive" && argc == 6) {
        return keepalive(ctx.get(), std::atoi(argv[2]), std::atoi(argv[3]), std::atoi(argv[4]),
                         std::string(argv[5]) == "proxy");
    }
    if (mode == "first" && argc == 4) {
        return first_request(ctx.get(), std::atoi(argv[2]), std::atoi(argv[3]));
    }
    std::fprintf(stderr,
                 "usage: bench_proxy_probe keepalive PORT CONNECTIONS SECONDS proxy|direct\n"
                 "       bench_proxy_probe first PORT COUNT\n");
    return 2;
}
