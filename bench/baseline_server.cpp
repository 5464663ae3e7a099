// The ceiling of logicmock's stack: a bare cpp-httplib server with the same tuning (TCP_NODELAY,
// unbounded keep-alive, one thread per connection, listen backlog SOMAXCONN) answering the
// regenerateAccessKey route with 200 and an empty body. Prints
// {"event":"listening","url":"http://127.0.0.1:PORT"} like logicmock-server and stops on
// SIGINT/SIGTERM.
//
// usage: bench_baseline_server [--port N] [--threads N]
#include <httplib.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

namespace {

// httplib listens with a backlog of 5; logicmock raises it (ConnectionServer::widen_backlog), so
// the baseline does too, or a burst of connections would wait for SYN retries.
class BaselineServer : public httplib::Server {
  public:
    void widen_backlog() {
        if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);
    }
};

int arg_int(int argc, char** argv, const std::string& name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (argv[i] == name) return std::atoi(argv[i + 1]);
    }
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    const int port = arg_int(argc, argv, "--port", 0);
    const int threads = arg_int(argc, argv, "--threads", 1024);

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    BaselineServer server;
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1 << 30);
    server.new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    server.Post(
        R"(/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\.Logic/workflows/[^/]+/regenerateAccessKey)",
        [](const httplib::Request&, httplib::Response& res) { res.status = 200; });

    const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1")
                                : (server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound < 0) {
        std::cerr << "bench_baseline_server: cannot listen on port " << port << "\n";
        return 1;
    }
    server.widen_backlog();
    std::thread listener([&server] { server.listen_after_bind(); });
    std::cout << "{\"event\":\"listening\",\"url\":\"http://127.0.0.1:" << bound << "\"}"
              << std::endl;

    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    listener.join();
    return 0;
}
