#include "net/connection_server.hpp"

#include <sys/socket.h>

#include "hosts/host_table.hpp"
#include "net/elastic_thread_pool.hpp"
#include "net/proxy_head.hpp"

namespace logicmock {

ConnectionServer::ConnectionServer(ConnectionLimits limits, std::size_t max_threads,
                                   std::shared_ptr<SSL_CTX> tls)
    : limits_(limits), tls_(std::move(tls)) {
    new_task_queue = [max_threads] { return new ElasticThreadPool(max_threads); };
}

void ConnectionServer::widen_backlog() {
    // httplib listens with a backlog of 5: a burst of new clients would see SYNs dropped and
    // retried a second later. listen() again on the bound socket raises it.
    if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);
}

bool ConnectionServer::process_and_close_socket(socket_t sock) {
    Connection connection(sock, limits_, tls_.get());
    if (!connection.handshake()) return false;
    CurrentConnection current(connection);
    bool ok = false;
    auto serving = [this] { return svr_sock_ != INVALID_SOCKET; };
    while (connection.wait_for_request(serving)) {
        std::string reason;
        auto verdict = connection.screen_request(reason);
        if (verdict == ScreenVerdict::NeedMore) break;  // silent past a timeout, or closed
        if (verdict != ScreenVerdict::Complete) {
            connection.refuse_and_close(refusal_ ? refusal_(verdict, reason) : std::string());
            return false;
        }
        if (connect_ && is_connect_head(connection.screened_head())) {
            if (!serve_connect(connection)) return false;
            continue;
        }
        bool closed = false;
        ok = process_request(connection, false, closed, nullptr);
        if (!ok || closed || connection.abandoned()) break;
    }
    connection.close();
    return ok;
}

bool ConnectionServer::serve_connect(Connection& connection) {
    Request request = parse_screened_head(connection.screened_head());
    if (connection.tunnel()) request.proxied = connection.tunnel();
    const std::string_view problem =
        connection.is_tls() && !connection.tunnel()
            ? "CONNECT is served on logicmock's plain HTTP port; use an http:// proxy URL."
        : connection.has_bytes_after_head()
            ? "the client sent data before the CONNECT was answered."
            : "";
    std::string refusal = connect_(request, problem);
    auto authority = parse_authority(request.target);
    if (refusal.empty() && !authority) refusal = "HTTP/1.1 400 Bad Request\r\n\r\n";
    if (!refusal.empty()) {
        connection.refuse_and_close(refusal);
        return false;
    }
    connection.consume_head();
    try {
        auto ctx = tunnel_tls_->context_for(authority->host);
        if (!connection.write_raw("HTTP/1.1 200 Connection established\r\n\r\n")) return false;
        return connection.start_tls(*ctx, ProxiedTarget{"https", authority->host, authority->port});
    } catch (const std::exception&) {
        return false;  // no certificate could be issued: the client sees the tunnel close
    }
}

}  // namespace logicmock
