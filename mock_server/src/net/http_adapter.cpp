#include "net/http_adapter.hpp"

#include <sys/socket.h>

#include <charconv>
#include <chrono>
#include <optional>

#include "admin/admin_api.hpp"
#include "logicmock/version.hpp"
#include "net/request_log.hpp"

namespace logicmock {
namespace {

using Clock = std::chrono::steady_clock;
using HandlerResponse = httplib::Server::HandlerResponse;

// Set by the pre-routing hook on the worker thread that then runs the handler and the logger.
thread_local Clock::time_point t_request_start;

bool has_no_body_framing(const httplib::Request& req) {
    return !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding");
}

void tune(httplib::Server& http, const ServerOptions& o) {
    http.set_tcp_nodelay(true);
    // httplib's default also sets SO_REUSEPORT, which lets a second server bind a port in use
    // and silently take half its connections; keep only SO_REUSEADDR.
    http.set_socket_options([](int sock) {
        int on = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    });
    http.set_payload_max_length(o.service.max_body_bytes);
    // The connection loop enforces these; httplib only prints them in the Keep-Alive header.
    http.set_keep_alive_max_count(1u << 20);
    http.set_keep_alive_timeout(o.keep_alive_timeout_s);
}

// Requests inside a proxy tunnel were sent to an Azure host name: the /_mock/ API is not there.
bool on_direct_address() {
    const Connection* connection = Connection::current();
    return !connection || !connection->tunnel();
}

bool is_open_mock_path(const std::string& path) {
    return path == "/_mock/health" || path == "/_mock/ca.pem";
}

void add_mock_routes(httplib::Server& http, const AdapterContext& c) {
    WorkflowStore& store = c.store;
    Service& service = c.service;
    InjectedWaits& waits = c.waits;
    http.Get("/_mock/ca.pem", [&service, &waits, pem = c.ca_pem](const httplib::Request& req,
                                                                 httplib::Response& res) {
        if (!on_direct_address() || pem.empty()) {
            return deliver_response(service.handle(to_core_request(req)), res, waits);
        }
        res.set_header("Cache-Control", "no-cache");
        res.set_content(pem, "application/x-pem-file");
    });
    http.Get("/_mock/health",
             [&store, &service, &waits](const httplib::Request& req, httplib::Response& res) {
                 if (!on_direct_address()) {
                     return deliver_response(service.handle(to_core_request(req)), res, waits);
                 }
                 res.set_header("Cache-Control", "no-cache");
                 res.set_content(
                     std::string("{\"status\":\"ok\",\"version\":\"") + kVersion +
                         "\",\"workflows\":" + std::to_string(store.all_workflows().size()) + "}",
                     "application/json; charset=utf-8");
             });
}

void on_every_method(httplib::Server& http, const std::string& pattern,
                     const httplib::Server::Handler& handler) {
    http.Get(pattern, handler);
    http.Post(pattern, handler);
    http.Put(pattern, handler);
    http.Patch(pattern, handler);
    http.Delete(pattern, handler);
    http.Options(pattern, handler);
}

// Faults, journal and reset (docs/making-it-fail.md, docs/journal-and-admin.md); health above stays
// open to everyone.
void add_admin_routes(httplib::Server& http, const AdapterContext& c) {
    Service& service = c.service;
    InjectedWaits& waits = c.waits;
    auto admin = [&service, &waits](const httplib::Request& req, httplib::Response& res) {
        if (!on_direct_address()) {
            return deliver_response(service.handle(to_core_request(req)), res, waits);
        }
        write_core_response(handle_admin(service, to_core_request(req)), res);
    };
    on_every_method(http, "/_mock/.*", admin);
}

void add_arm_routes(httplib::Server& http, const AdapterContext& c) {
    Service& service = c.service;
    InjectedWaits& waits = c.waits;
    auto arm = [&service, &waits](const httplib::Request& req, httplib::Response& res) {
        deliver_response(service.handle(to_core_request(req)), res, waits);
    };
    on_every_method(http, ".*", arm);
}

// The methods httplib's route table would have taken the request to our handlers with.
bool is_routed_method(const std::string& method) {
    return method == "GET" || method == "HEAD" || method == "POST" || method == "PUT" ||
           method == "PATCH" || method == "DELETE" || method == "OPTIONS";
}

// A body this hook can read itself: Content-Length framing (the screen has already refused one
// over the limit), no Content-Encoding for httplib to decompress, not multipart, and a decoded
// path that the route table's ".*" would have matched (no line breaks). Anything else goes on
// to httplib.
std::optional<std::size_t> readable_body_length(const httplib::Request& req) {
    if (req.has_header("Transfer-Encoding") || req.has_header("Content-Encoding")) return {};
    // httplib files a multipart body under req.files, not req.body: keep its handling.
    if (req.get_header_value("Content-Type").rfind("multipart/form-data", 0) == 0) return {};
    if (req.get_header_value_count("Content-Length") != 1 || !is_routed_method(req.method)) {
        return {};
    }
    if (req.path.find_first_of("\r\n") != std::string::npos) return {};
    const std::string& text = req.get_header_value("Content-Length");
    std::size_t length = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
    if (error != std::errc() || end != text.data() + text.size()) return {};
    return length;
}

// The request's body, straight from the connection (httplib has read only its head).
std::optional<std::string> read_body(std::size_t length) {
    Connection* connection = Connection::current();
    if (!connection) return std::nullopt;
    std::string body(length, '\0');
    std::size_t got = 0;
    while (got < length) {
        ssize_t n = connection->read(body.data() + got, length - got);
        if (n <= 0) return std::nullopt;
        got += static_cast<std::size_t>(n);
    }
    return body;
}

// The one dispatch point: every request is answered here, before httplib's regex route table,
// except /_mock/health and requests whose body httplib must read (chunked, compressed), which
// reach the same handlers through the routes below.
void add_hooks(httplib::Server& http, const AdapterContext& c) {
    Service& service = c.service;
    const LogFormat log_format = c.options.log_format;
    InjectedWaits& waits = c.waits;
    http.set_pre_routing_handler(
        [&service, &waits](const httplib::Request& req, httplib::Response& res) {
            t_request_start = Clock::now();
            const bool direct = on_direct_address();
            if (direct && is_open_mock_path(req.path)) return HandlerResponse::Unhandled;
            const bool admin = direct && req.path.rfind("/_mock/", 0) == 0;
            // A request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112
            // 6.3), but httplib would wait for one until the read timeout: answer it here.
            std::optional<std::string> body;
            if (has_no_body_framing(req)) {
                body.emplace();
            } else if (auto length = readable_body_length(req)) {
                body = read_body(*length);
                if (!body) {  // the client sent less than it declared and went silent or away
                    write_core_response(service.transport_error(to_core_request(req), 400), res);
                    res.set_header("Connection", "close");
                    return HandlerResponse::Handled;
                }
            } else {
                return HandlerResponse::Unhandled;
            }
            Request request = to_core_request(req);
            request.body = std::move(*body);
            if (admin) {
                write_core_response(handle_admin(service, request), res);
            } else {
                deliver_response(service.handle(request), res, waits);
            }
            return HandlerResponse::Handled;
        });
    // httplib calls this for every status >= 400, ours included; fill in only its own.
    http.set_error_handler(httplib::Server::HandlerWithResponse(
        [&service](const httplib::Request& req, httplib::Response& res) {
            if (res.has_header("x-ms-request-id")) return HandlerResponse::Unhandled;
            write_core_response(service.transport_error(to_core_request(req), res.status), res);
            if (res.status == 413) res.set_header("Connection", "close");
            return HandlerResponse::Handled;
        }));
    http.set_exception_handler(
        [&service](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
            write_core_response(service.transport_error(to_core_request(req), 500), res);
        });
    http.set_logger([log_format](const httplib::Request& req, const httplib::Response& res) {
        double ms =
            std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count();
        write_request_log(log_format,
                          {req.method, req.target.empty() ? req.path : req.target, res.status, ms,
                           res.get_header_value("x-ms-request-id"), req.remote_addr});
    });
}

const char* reason_phrase(int status) {
    switch (status) {
        case 403:
            return "Forbidden";
        case 421:
            return "Misdirected Request";
        case 413:
            return "Payload Too Large";
        case 414:
            return "URI Too Long";
        default:
            return "Bad Request";
    }
}

// The whole HTTP/1.1 answer to a request refused from its framing; the connection closes after.
std::string serialize_refusal(const Response& r) {
    std::string out =
        "HTTP/1.1 " + std::to_string(r.status) + " " + reason_phrase(r.status) + "\r\n";
    for (const auto& [name, value] : r.headers) {
        if (iequals(name, "Content-Length") || iequals(name, "Connection")) continue;
        out += name + ": " + value + "\r\n";
    }
    out += "Content-Length: " + std::to_string(r.body.size()) + "\r\nConnection: close\r\n\r\n";
    return out + r.body;
}

void add_refusals(ConnectionServer& http, const AdapterContext& c) {
    Service& service = c.service;
    const LogFormat log_format = c.options.log_format;
    http.set_refusal_handler([&service, log_format](ScreenVerdict verdict, const std::string&) {
        if (verdict == ScreenVerdict::TlsHandshake) {
            write_notice(log_format, kTlsOnHttpPortNotice);
            return std::string();
        }
        const int status = verdict == ScreenVerdict::TooLarge     ? 413
                           : verdict == ScreenVerdict::UriTooLong ? 414
                                                                  : 400;
        Response response = service.transport_error(Request{}, status);
        write_request_log(log_format, {"-", "-", status, 0.0,
                                       response.headers.get("x-ms-request-id").value_or(""), ""});
        return serialize_refusal(response);
    });
}

// CONNECT (docs/proxy.md): the core decides; 200 opens the tunnel, anything else is refused.
void add_proxy(ConnectionServer& http, const AdapterContext& c) {
    if (!c.tunnel_tls || !c.options.service.proxy) return;
    Service& service = c.service;
    const LogFormat log_format = c.options.log_format;
    http.set_connect_handler(
        [&service, log_format](const Request& request, std::string_view problem) {
            const auto started = Clock::now();
            Response response =
                problem.empty() ? service.handle(request) : service.proxy_refusal(request, problem);
            double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
            write_request_log(log_format,
                              {request.method, request.target, response.status, ms,
                               response.headers.get("x-ms-request-id").value_or(""), ""});
            return response.status == 200 ? std::string() : serialize_refusal(response);
        },
        c.tunnel_tls);
}

}  // namespace

ConnectionLimits connection_limits(const ServerOptions& o) {
    using std::chrono::milliseconds;
    return ConnectionLimits{milliseconds(o.read_timeout_ms), milliseconds(o.write_timeout_ms),
                            milliseconds(o.request_timeout_ms),
                            std::chrono::seconds(o.keep_alive_timeout_s), o.service.max_body_bytes};
}

Request to_core_request(const httplib::Request& in) {
    Request out;
    out.method = in.method;
    out.target = in.target.empty() ? in.path : in.target;
    for (const auto& [name, value] : in.headers) out.headers.add(name, value);
    out.body = in.body;
    if (const Connection* connection = Connection::current()) out.proxied = connection->tunnel();
    return out;
}

void write_core_response(const Response& in, httplib::Response& out) {
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

void configure_http_server(ConnectionServer& http, const AdapterContext& context) {
    tune(http, context.options);
    add_refusals(http, context);
    add_proxy(http, context);
    add_hooks(http, context);
    add_mock_routes(http, context);  // before the catch-all ARM routes: first match wins
    add_admin_routes(http, context);
    add_arm_routes(http, context);
}

}  // namespace logicmock
