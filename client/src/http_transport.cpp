#include "http_transport.hpp"

#include <httplib.h>
#include <signal.h>

#include <cerrno>
#include <chrono>
#include <optional>
#include <utility>

#include "ca_bundle.hpp"
#include "proxy_settings.hpp"
#include "proxy_tunnel.hpp"

namespace logicmock::client {
namespace {

using Clock = std::chrono::steady_clock;

template <class Setter>
void set_timeout(std::chrono::milliseconds timeout, Setter setter) {
    const auto ms = timeout.count();
    setter(static_cast<time_t>(ms / 1000), static_cast<time_t>((ms % 1000) * 1000));
}

// Blocks SIGPIPE in this thread while httplib works and discards one raised meanwhile (the
// way libpq does it): OpenSSL writes to the socket without MSG_NOSIGNAL, so a server or proxy
// that hung up would otherwise kill the process instead of failing the attempt. Nothing
// process-wide is changed.
class SigpipeGuard {
  public:
    SigpipeGuard() {
        sigemptyset(&pipe_);
        sigaddset(&pipe_, SIGPIPE);
        was_pending_ = pending();
        pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
    }
    ~SigpipeGuard() {
        if (!was_pending_ && pending()) {
            const timespec zero{0, 0};
            while (sigtimedwait(&pipe_, nullptr, &zero) < 0 && errno == EINTR) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    }
    SigpipeGuard(const SigpipeGuard&) = delete;
    SigpipeGuard& operator=(const SigpipeGuard&) = delete;

  private:
    static bool pending() {
        sigset_t set;
        sigemptyset(&set);
        return sigpending(&set) == 0 && sigismember(&set, SIGPIPE) == 1;
    }
    sigset_t pipe_;
    sigset_t old_;
    bool was_pending_ = false;
};

// httplib's SSL client over a CONNECT tunnel opened by open_tunnel(). httplib 0.11.4's own
// proxy support cannot be used for https: it turns a refused CONNECT into a TLS failure (the
// status is lost) and sends Proxy-Authorization inside the tunnel to the target as well.
class TunnelingSslClient final : public httplib::SSLClient {
  public:
    TunnelingSslClient(const std::string& host, int port, TunnelRequest tunnel)
        : httplib::SSLClient(host, port), tunnel_(std::move(tunnel)) {}

    // Why the tunnel of the last request could not be opened, if that is why it failed.
    std::optional<TransportError> take_failure() { return std::exchange(failure_, std::nullopt); }

  private:
    // Called by httplib (socket mutex held) whenever it needs a new connection; TLS follows.
    bool create_and_connect_socket(Socket& socket, httplib::Error& error) override {
        if (!is_valid()) return false;
        auto opened = open_tunnel(tunnel_);
        if (const int* fd = std::get_if<int>(&opened)) {
            socket.sock = *fd;
            return true;
        }
        failure_ = std::get<TransportError>(std::move(opened));
        error = failure_->kind == TransportError::Kind::Timeout ? httplib::Error::ConnectionTimeout
                                                                : httplib::Error::Connection;
        return false;
    }

    TunnelRequest tunnel_;
    std::optional<TransportError> failure_;
};

class HttplibTransport final : public Transport {
  public:
    HttplibTransport(const BaseUrl& base_url, const TlsOptions& tls, const Timeouts& timeouts,
                     std::optional<ProxyUrl> proxy, CaBundle ca, const std::string& user_agent)
        : origin_(base_url.origin()),
          path_prefix_(base_url.path_prefix),
          read_timeout_(timeouts.read),
          proxy_(std::move(proxy)),
          ca_(std::move(ca)) {
        if (base_url.scheme == "https") {
            if (proxy_) {
                const bool v6 = base_url.host.find(':') != std::string::npos;
                TunnelRequest tunnel{*proxy_,
                                     (v6 ? '[' + base_url.host + ']' : base_url.host) + ':' +
                                         std::to_string(base_url.port),
                                     user_agent,
                                     timeouts.connect,
                                     timeouts.read,
                                     timeouts.write};
                auto client =
                    std::make_unique<TunnelingSslClient>(base_url.host, base_url.port, tunnel);
                tunnel_ = client.get();
                client_ = std::move(client);
            } else {
                client_ = std::make_unique<httplib::SSLClient>(base_url.host, base_url.port);
            }
            if (!ca_.file.empty()) client_->set_ca_cert_path(ca_.file);
            client_->enable_server_certificate_verification(tls.verify);
        } else {
            client_ = std::make_unique<httplib::ClientImpl>(base_url.host, base_url.port);
            // Plain http through a proxy: httplib connects to it and sends absolute-form
            // targets; Proxy-Authorization is added per request in send().
            if (proxy_) client_->set_proxy(proxy_->host, proxy_->port);
        }
        set_timeout(timeouts.connect,
                    [&](time_t s, time_t us) { client_->set_connection_timeout(s, us); });
        set_timeout(timeouts.read, [&](time_t s, time_t us) { client_->set_read_timeout(s, us); });
        set_timeout(timeouts.write,
                    [&](time_t s, time_t us) { client_->set_write_timeout(s, us); });
        client_->set_keep_alive(true);  // retries reuse the connection, as the SDKs do
        client_->set_tcp_nodelay(true);
        client_->set_follow_location(false);  // ARM passes redirects back to the caller
    }

    ~HttplibTransport() override {
        SigpipeGuard guard;  // closing a TLS connection writes close_notify
        client_.reset();
    }
    HttplibTransport(const HttplibTransport&) = delete;
    HttplibTransport& operator=(const HttplibTransport&) = delete;

    AttemptOutcome send(const HttpRequest& request) override {
        httplib::Request req;
        req.method = request.method;
        req.path = path_prefix_ + request.target;
        for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
        if (proxy_ && !tunnel_ && proxy_->username) {
            req.headers.emplace("Proxy-Authorization", proxy_->authorization());
        }
        req.body = request.body;

        if (tunnel_) tunnel_->take_failure();
        const auto started = Clock::now();
        httplib::Result result = [&] {
            SigpipeGuard guard;
            return client_->send(req);
        }();
        if (!result) {
            if (tunnel_) {
                if (auto failure = tunnel_->take_failure()) return *failure;
            }
            TransportError error = classify(result.error(), Clock::now() - started);
            if (proxy_) error.proxy = proxy_->display();
            return error;
        }

        HttpResponse response;
        response.status = result->status;
        for (const auto& [name, value] : result->headers) response.headers.add(name, value);
        response.body = std::move(result->body);
        return response;
    }

  private:
    TransportError classify(httplib::Error error, Clock::duration waited) const {
        using Kind = TransportError::Kind;
        const std::string via = proxy_ ? " through proxy " + proxy_->display() : "";
        const std::string detail = " (" + httplib::to_string(error) + ")";
        switch (error) {
            case httplib::Error::Connection:
                if (proxy_) {
                    return {Kind::Connect, "could not connect to proxy " + proxy_->display() +
                                               " (for " + origin_ + ")" + detail};
                }
                return {Kind::Connect, "could not connect to " + origin_ + detail};
            case httplib::Error::ConnectionTimeout:
                return {Kind::Timeout, "timed out connecting to " + origin_ + via + detail};
            case httplib::Error::SSLConnection:
            case httplib::Error::SSLLoadingCerts:
            case httplib::Error::SSLServerVerification:
                return {Kind::Tls, "TLS failure with " + origin_ + via + detail + ", trusting " +
                                       ca_.describe()};
            case httplib::Error::Read:
                // httplib reports a read timeout and a dropped connection alike.
                if (waited >= read_timeout_ * 9 / 10) {
                    return {Kind::Timeout, "no response from " + origin_ + via + " within " +
                                               std::to_string(read_timeout_.count()) + " ms" +
                                               detail};
                }
                return {Kind::Io,
                        "connection to " + origin_ + via + " dropped while reading" + detail};
            case httplib::Error::Write:
                return {Kind::Io,
                        "connection to " + origin_ + via + " dropped while writing" + detail};
            default:
                return {Kind::Other, "request to " + origin_ + via + " failed" + detail};
        }
    }

    std::unique_ptr<httplib::ClientImpl> client_;
    TunnelingSslClient* tunnel_ = nullptr;  // client_ when https goes through a proxy
    std::string origin_;
    std::string path_prefix_;
    std::chrono::milliseconds read_timeout_;
    std::optional<ProxyUrl> proxy_;
    CaBundle ca_;
};

}  // namespace

std::shared_ptr<Transport> make_http_transport(const BaseUrl& base_url, const TlsOptions& tls,
                                               const Timeouts& timeouts, const ProxyOptions& proxy,
                                               const std::string& user_agent) {
    const EnvLookup env = process_environment();
    auto chosen =
        select_proxy(proxy_rules(proxy, env), base_url.scheme, base_url.host, base_url.port);
    return std::make_shared<HttplibTransport>(base_url, tls, timeouts, std::move(chosen),
                                              select_ca_bundle(tls, env), user_agent);
}

}  // namespace logicmock::client
