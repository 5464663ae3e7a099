#pragma once
// One accepted TCP connection, as the httplib::Stream that requests are parsed from and
// answered on. It outlives a single request, so bytes read ahead (pipelined requests) are
// kept, and it bounds the time a client may take to send one request, so a client that
// trickles a byte a second cannot hold a worker thread.

#include <httplib.h>
#include <openssl/ssl.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "logicmock/http_types.hpp"
#include "net/request_screen.hpp"

namespace logicmock {

struct ConnectionLimits {
    std::chrono::milliseconds read_timeout{5000};  // silence allowed within a request
    std::chrono::milliseconds write_timeout{5000};
    std::chrono::milliseconds request_deadline{10000};   // whole request, first byte to last
    std::chrono::milliseconds keep_alive_timeout{5000};  // idle time between requests
    std::uint64_t max_body_bytes = 1024 * 1024;          // a larger declared body is refused
};

class Connection final : public httplib::Stream {
  public:
    // With tls, the connection speaks TLS on fd (after handshake()); the context must outlive it.
    Connection(int fd, ConnectionLimits limits, SSL_CTX* tls = nullptr);
    ~Connection() override;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Completes the TLS handshake within the request deadline; true at once for plain TCP.
    bool handshake();

    // Waits up to the keep-alive timeout for the next request and starts its deadline; gives
    // up early once keep_waiting() says no (checked every 100 ms, so a server stops promptly).
    bool wait_for_request(const std::function<bool()>& keep_waiting);

    // Reads the next request's head (and a chunked body) as it arrives, until RequestScreen
    // gives a verdict; the bytes read are kept for httplib to parse. NeedMore means the client
    // went silent past a timeout or closed.
    ScreenVerdict screen_request(std::string& reason);
    // The head of the request screen_request last accepted, and whether the client already sent
    // bytes after it (a CONNECT must wait for the answer before it starts TLS).
    std::string_view screened_head() const;
    bool has_bytes_after_head() const;
    // Drops the screened request without handing it to httplib (a CONNECT the loop answered).
    void consume_head();

    // Turns this plain connection into the server side of a proxy tunnel: TLS with ctx on the
    // same socket, handshake within the request deadline. Requests read afterwards were sent to
    // target (tunnel()).
    bool start_tls(SSL_CTX& ctx, ProxiedTarget target);
    const std::optional<ProxiedTarget>& tunnel() const { return tunnel_; }
    bool is_tls() const { return ssl_ != nullptr; }

    // Writes a refusal, stops sending, and reads what the client still sends for a moment, so
    // closing does not reset the connection before the client has read the answer.
    void refuse_and_close(const std::string& answer);

    // Transport faults: end the connection with a TCP reset instead of a clean close.
    void reset_on_close() { reset_on_close_ = true; }
    // Ends the connection after the current handler returns, without a response.
    void abandon() { abandoned_ = true; }
    bool abandoned() const { return abandoned_; }
    // Writes bytes straight to the socket (a partial response).
    bool write_raw(const std::string& bytes);
    void close();

    // The connection the calling worker thread is serving, or nullptr.
    static Connection* current();

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return fd_; }

  private:
    using Clock = std::chrono::steady_clock;
    bool wait_readable(std::chrono::milliseconds limit) const;  // buffered bytes, or the socket
    bool wait_socket(std::chrono::milliseconds limit) const;
    std::chrono::milliseconds until_deadline(std::chrono::milliseconds cap) const;
    // After an OpenSSL call failed with `error`: waits for the socket if OpenSSL wants to retry.
    bool wait_for_tls(int error, std::chrono::milliseconds cap) const;
    ssize_t read_socket(char* ptr, size_t size);
    ssize_t receive(char* into, std::size_t size);
    ssize_t send_some(const char* from, std::size_t size);

    int fd_;
    SSL* ssl_ = nullptr;
    ConnectionLimits limits_;
    Clock::time_point deadline_;
    // Filled by recv only: a std::string resized per refill zero-filled 16 KiB every time.
    static constexpr std::size_t kBufferSize = 16 * 1024;
    std::unique_ptr<char[]> buffer_ = std::make_unique_for_overwrite<char[]>(kBufferSize);
    std::size_t filled_ = 0;
    std::size_t offset_ = 0;
    // Bytes screen_request read and httplib has yet to: served by read() before the socket.
    std::string screened_;
    std::size_t screened_offset_ = 0;
    std::size_t head_size_ = 0;
    std::optional<ProxiedTarget> tunnel_;
    bool reset_on_close_ = false;
    bool abandoned_ = false;
    bool closed_ = false;
};

// Makes a Connection the calling thread's current one for its lifetime.
class CurrentConnection {
  public:
    explicit CurrentConnection(Connection& c);
    ~CurrentConnection();
    CurrentConnection(const CurrentConnection&) = delete;
    CurrentConnection& operator=(const CurrentConnection&) = delete;
};

}  // namespace logicmock
