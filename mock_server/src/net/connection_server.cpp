#include "net/connection_server.hpp"

#include <sys/socket.h>

#include "net/elastic_thread_pool.hpp"

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
        bool closed = false;
        ok = process_request(connection, false, closed, nullptr);
        if (!ok || closed || connection.abandoned()) break;
    }
    connection.close();
    return ok;
}

}  // namespace logicmock
