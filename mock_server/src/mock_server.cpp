// MockServer: the httplib adapter around Service. httplib only moves bytes; every answer,
// including the ones httplib itself refuses (oversized bodies, malformed requests), is
// produced by the Service so it carries ARM's headers and error body.

#include "logicmock/mock_server.hpp"

#include <httplib.h>
#include <sys/socket.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "logicmock/json_text.hpp"
#include "request_log.hpp"

namespace logicmock {
namespace {

using Clock = std::chrono::steady_clock;

// Set by the pre-routing hook on the worker thread that then runs the handler and the logger.
thread_local Clock::time_point t_request_start;

Request to_core(const httplib::Request& in) {
    Request out;
    out.method = in.method;
    out.target = in.target.empty() ? in.path : in.target;
    for (const auto& [name, value] : in.headers) out.headers.add(name, value);
    out.body = in.body;
    return out;
}

void to_httplib(const Response& in, httplib::Response& out) {
    out.status = in.status;
    std::string content_type;
    for (const auto& [name, value] : in.headers) {
        if (iequals(name, "Content-Type")) {
            content_type = value;
        } else {
            out.set_header(name, value);
        }
    }
    if (!in.body.empty() || !content_type.empty()) out.set_content(in.body, content_type);
}

}  // namespace

struct MockServer::Impl {
    ServerOptions options;
    std::shared_ptr<WorkflowStore> store;
    Service service;
    httplib::Server http;
    std::thread thread;
    int port = 0;
    bool started = false;

    explicit Impl(ServerOptions o)
        : options(std::move(o)),
          store(make_memory_store(options.seed ? *options.seed : default_seed())),
          service(options.service, store) {
        configure();
    }

    void configure() {
        http.set_tcp_nodelay(true);
        // httplib's default also sets SO_REUSEPORT, which lets a second server bind a port in use
        // and silently take half its connections; keep only SO_REUSEADDR.
        http.set_socket_options([](int sock) {
            int on = 1;
            ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        });
        http.set_keep_alive_max_count(1u << 20);
        http.set_keep_alive_timeout(options.keep_alive_timeout_s);
        http.set_read_timeout(std::chrono::milliseconds(options.read_timeout_ms));
        http.set_write_timeout(std::chrono::milliseconds(options.write_timeout_ms));
        http.set_payload_max_length(options.service.max_body_bytes);
        const auto threads = static_cast<std::size_t>(options.threads);
        http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };

        http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
            t_request_start = Clock::now();
            // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112
            // 6.3), but httplib would wait for one until the read timeout: answer it here.
            if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding") &&
                req.path.rfind("/_mock/", 0) != 0) {
                to_httplib(service.handle(to_core(req)), res);
                return httplib::Server::HandlerResponse::Handled;
            }
            return httplib::Server::HandlerResponse::Unhandled;
        });
        http.Get("/_mock/health", [this](const httplib::Request&, httplib::Response& res) {
            res.set_header("Cache-Control", "no-cache");
            res.set_content("{\"status\":\"ok\",\"workflows\":" +
                                std::to_string(store->all_workflows().size()) + "}",
                            "application/json; charset=utf-8");
        });
        auto arm = [this](const httplib::Request& req, httplib::Response& res) {
            to_httplib(service.handle(to_core(req)), res);
        };
        http.Get(".*", arm);
        http.Post(".*", arm);
        http.Put(".*", arm);
        http.Patch(".*", arm);
        http.Delete(".*", arm);
        http.Options(".*", arm);

        // httplib calls this for every status >= 400, ours included; fill in only its own.
        http.set_error_handler(httplib::Server::HandlerWithResponse(
            [this](const httplib::Request& req, httplib::Response& res) {
                if (res.has_header("x-ms-request-id")) {
                    return httplib::Server::HandlerResponse::Unhandled;
                }
                to_httplib(service.transport_error(to_core(req), res.status), res);
                if (res.status == 413) res.set_header("Connection", "close");
                return httplib::Server::HandlerResponse::Handled;
            }));
        http.set_exception_handler(
            [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
                to_httplib(service.transport_error(to_core(req), 500), res);
            });
        http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
            double ms =
                std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count();
            write_request_log(options.log_format,
                              {req.method, req.target.empty() ? req.path : req.target, res.status,
                               ms, res.get_header_value("x-ms-request-id"), req.remote_addr});
        });
    }
};

MockServer::MockServer(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

MockServer::~MockServer() {
    stop();
}

void MockServer::start() {
    if (impl_->started) return;
    auto& http = impl_->http;
    const auto& o = impl_->options;
    int port = o.port == 0 ? http.bind_to_any_port(o.host) : o.port;
    if (port < 0 || (o.port != 0 && !http.bind_to_port(o.host, o.port))) {
        throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port));
    }
    impl_->port = port;
    impl_->thread = std::thread([&http] { http.listen_after_bind(); });
    impl_->started = true;
    // stop() is a no-op until the accept loop runs, so wait for it.
    auto deadline = Clock::now() + std::chrono::seconds(5);
    while (!http.is_running() && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
}

void MockServer::stop() {
    if (!impl_->started) return;
    impl_->http.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
    impl_->started = false;
}

const std::string& MockServer::host() const {
    return impl_->options.host;
}
int MockServer::port() const {
    return impl_->port;
}
std::string MockServer::url() const {
    return "http://" + impl_->options.host + ":" + std::to_string(impl_->port);
}
Service& MockServer::service() {
    return impl_->service;
}
WorkflowStore& MockServer::store() {
    return *impl_->store;
}

}  // namespace logicmock
