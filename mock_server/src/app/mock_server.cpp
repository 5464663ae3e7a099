// MockServer: owns the state, the Service and the listeners (plain HTTP and/or HTTPS), and runs
// each on its own thread.

#include "logicmock/mock_server.hpp"

#include <signal.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "net/http_adapter.hpp"
#include "net/tls_credentials.hpp"
#include "net/tunnel_tls.hpp"

#include <openssl/ssl.h>
#include "logicmock/file_store.hpp"

namespace logicmock {
namespace {

struct Listener {
    std::unique_ptr<ConnectionServer> http;
    int requested_port = 0;
    bool tls = false;
    int port = 0;
    std::thread thread;
};

std::shared_ptr<SSL_CTX> make_tls_context(const TlsCredentials& credentials) {
    std::shared_ptr<SSL_CTX> ctx(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
    std::string error;
    if (!ctx || !credentials.install(*ctx, &error)) {
        throw TlsError(error.empty() ? "cannot set up TLS" : error);
    }
    return ctx;
}

TlsCredentials load_credentials(const ServerOptions& o, const LocalCa* ca) {
    if (o.tls.cert_file.empty() != o.tls.key_file.empty()) {
        throw TlsError("TLS needs both a certificate file and a key file, or neither");
    }
    if (!o.tls.cert_file.empty()) {
        return TlsCredentials::from_pem_files(o.tls.cert_file, o.tls.key_file);
    }
    return TlsCredentials::generate(*ca, {o.host});
}

// The local CA, where the options keep it (TlsOptions::ca_cert_file); none when nothing needs
// it: the proxy is off and the HTTPS certificate is the user's.
std::shared_ptr<const LocalCa> make_local_ca(const ServerOptions& o) {
    const bool generated_https = o.tls.enabled && o.tls.cert_file.empty();
    if (!o.service.proxy && !generated_https) return nullptr;
    if (o.tls.ca_cert_file.empty() != o.tls.ca_key_file.empty()) {
        throw TlsError("the CA needs both a certificate file and a key file, or neither");
    }
    if (!o.tls.ca_cert_file.empty()) {
        return std::make_shared<LocalCa>(
            LocalCa::load_or_create(o.tls.ca_cert_file, o.tls.ca_key_file));
    }
    if (o.state_file) {
        return std::make_shared<LocalCa>(
            LocalCa::load_or_create(*o.state_file + ".ca.pem", *o.state_file + ".ca-key.pem"));
    }
    return std::make_shared<LocalCa>(LocalCa::generate());
}

// The listening thread creates the worker pool, whose threads inherit this mask. OpenSSL writes
// with write(), not send(MSG_NOSIGNAL): a peer resetting mid-write would raise SIGPIPE and kill
// the whole process (the user's test binary, in-process); blocked, the write fails with EPIPE.
void block_sigpipe_on_this_thread() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

std::shared_ptr<WorkflowStore> make_store(const ServerOptions& o) {
    const Seed seed = o.seed ? *o.seed : default_seed();
    return o.state_file ? make_file_store(*o.state_file, seed) : make_memory_store(seed);
}

// The address clients use to reach a server bound to a wildcard address.
std::string reachable_host(const std::string& host) {
    if (host == "0.0.0.0" || host.empty()) return "127.0.0.1";
    if (host == "::") return "[::1]";
    return host.find(':') != std::string::npos ? "[" + host + "]" : host;
}

}  // namespace

struct MockServer::Impl {
    ServerOptions options;
    std::shared_ptr<WorkflowStore> store;
    Service service;
    InjectedWaits waits;
    std::shared_ptr<const LocalCa> ca;
    std::shared_ptr<TunnelTls> tunnel_tls;
    std::optional<TlsCredentials> tls;
    std::vector<Listener> listeners;  // [0] listens on options.port
    bool started = false;

    explicit Impl(ServerOptions o)
        : options(std::move(o)),
          store(make_store(options)),
          service(options.service, store),
          ca(make_local_ca(options)) {
        const bool tls_replaces_http = options.tls.enabled && !options.tls.port;
        if (options.tls.enabled) tls.emplace(load_credentials(options, ca.get()));
        if (ca && options.service.proxy) tunnel_tls = std::make_shared<TunnelTls>(ca);
        add_listener(options.port, tls_replaces_http);
        if (options.tls.enabled && options.tls.port) add_listener(*options.tls.port, true);
    }

    void add_listener(int port, bool use_tls) {
        Listener listener;
        listener.http = std::make_unique<ConnectionServer>(
            connection_limits(options), static_cast<std::size_t>(options.threads),
            use_tls ? make_tls_context(*tls) : nullptr);
        listener.requested_port = port;
        listener.tls = use_tls;
        configure_http_server(*listener.http,
                              AdapterContext{options, service, *store, waits, tunnel_tls,
                                             ca ? ca->pem() : std::string()});
        listeners.push_back(std::move(listener));
    }

    const Listener* https_listener() const {
        for (const auto& l : listeners) {
            if (l.tls) return &l;
        }
        return nullptr;
    }

    std::string url_of(const Listener& l) const {
        return (l.tls ? "https://" : "http://") + reachable_host(options.host) + ":" +
               std::to_string(l.port);
    }
};

MockServer::MockServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

MockServer::~MockServer() {
    stop();
}

void MockServer::start() {
    if (impl_->started) return;
    const auto& host = impl_->options.host;
    impl_->waits.rearm();
    impl_->started = true;
    for (auto& listener : impl_->listeners) {
        auto& http = *listener.http;
        int requested = listener.requested_port;
        int port = requested == 0 ? http.bind_to_any_port(host) : requested;
        if (port < 0 || (requested != 0 && !http.bind_to_port(host, requested))) {
            stop();  // the listeners already running
            throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(requested));
        }
        http.widen_backlog();
        listener.port = port;
        listener.thread = std::thread([&http] {
            block_sigpipe_on_this_thread();
            http.listen_after_bind();
        });
        // stop() is a no-op until the accept loop runs, so wait for it.
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!http.is_running() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
    }
    // Callback URLs point at the first listener unless --runtime-base-url says otherwise.
    const Listener* https = impl_->https_listener();
    impl_->service.set_self_base_url(
        impl_->url_of(impl_->listeners.front()),
        https && https != &impl_->listeners.front() ? impl_->url_of(*https) : std::string());
}

void MockServer::stop() {
    if (!impl_->started) return;
    impl_->waits.cancel();
    for (auto& listener : impl_->listeners) listener.http->stop();
    for (auto& listener : impl_->listeners) {
        if (listener.thread.joinable()) listener.thread.join();
    }
    impl_->started = false;
}

const std::string& MockServer::host() const {
    return impl_->options.host;
}
int MockServer::port() const {
    return impl_->listeners.front().port;
}
std::string MockServer::url() const {
    return impl_->url_of(impl_->listeners.front());
}
int MockServer::tls_port() const {
    const Listener* l = impl_->https_listener();
    return l ? l->port : -1;
}
std::string MockServer::https_url() const {
    const Listener* l = impl_->https_listener();
    return l ? impl_->url_of(*l) : std::string();
}
std::string MockServer::ca_pem() const {
    return impl_->ca ? impl_->ca->pem() : std::string();
}
Service& MockServer::service() {
    return impl_->service;
}
WorkflowStore& MockServer::store() {
    return *impl_->store;
}

}  // namespace logicmock
