#pragma once
// The in-process API: run a logicmock server inside a test. Start on port 0, read the
// port, send requests, stop. Many servers may run in one process at once.
//
//   logicmock::MockServer server;              // default seed, 127.0.0.1, ephemeral port
//   server.start();
//   httplib::Client client(server.host(), server.port());
//   ...
//   server.stop();                             // also done by the destructor

#include <memory>
#include <optional>
#include <string>

#include "logicmock/seed.hpp"
#include "logicmock/service.hpp"

namespace logicmock {

enum class LogFormat { None, Text, Json };

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 0;              // 0: the OS picks a free port
    std::optional<Seed> seed;  // empty: default_seed()
    // Durable state (logicmock/file_store.hpp): loaded from this file when it exists (the seed
    // is then ignored), saved after every change. Empty: state lives in memory only.
    std::optional<std::string> state_file;
    ServiceOptions service;
    int threads = 64;
    LogFormat log_format = LogFormat::None;
    int read_timeout_ms = 5000;
    int write_timeout_ms = 5000;
    int keep_alive_timeout_s = 5;
};

class MockServer {
  public:
    // Throws StateFileError when options.state_file exists but cannot be loaded.
    explicit MockServer(ServerOptions options = {});
    ~MockServer();
    MockServer(const MockServer&) = delete;
    MockServer& operator=(const MockServer&) = delete;

    // Binds and starts serving on a background thread; returns once connections are accepted.
    // Throws std::runtime_error when the address cannot be bound.
    void start();
    // Stops accepting, finishes requests in flight and joins the thread. Idempotent.
    void stop();

    const std::string& host() const;
    int port() const;         // valid after start() / bind
    std::string url() const;  // "http://127.0.0.1:PORT"

    Service& service();
    WorkflowStore& store();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace logicmock
