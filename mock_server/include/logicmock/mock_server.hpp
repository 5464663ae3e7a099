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

// HTTPS. The certificate is the user's (cert_file + key_file, PEM) or, when both are empty, one
// generated at construction: a local CA valid for a year and a server certificate it signs for
// 127.0.0.1, ::1, localhost and `host`. MockServer::ca_pem() returns that CA for clients to trust.
struct TlsOptions {
    bool enabled = false;
    // Unset: HTTPS replaces plain HTTP on ServerOptions::port. Set (0: the OS picks): plain HTTP
    // stays on ServerOptions::port and HTTPS is served on this port as well.
    std::optional<int> port;
    std::string cert_file;  // PEM: the server certificate, optionally followed by its chain
    std::string key_file;   // PEM, unencrypted
    // logicmock's local CA (signs the generated HTTPS certificate and the proxy's certificates
    // for Azure's host names): read from these files when both exist, else generated and
    // written to them. Empty: kept beside ServerOptions::state_file (STATE.ca.pem,
    // STATE.ca-key.pem) when there is one, else a new CA at every start.
    std::string ca_cert_file;
    std::string ca_key_file;
};

struct ServerOptions {
    std::string host = "127.0.0.1";
    int port = 0;              // 0: the OS picks a free port
    std::optional<Seed> seed;  // empty: default_seed()
    // Durable state (logicmock/file_store.hpp): loaded from this file when it exists (the seed
    // is then ignored), saved after every change. Empty: state lives in memory only.
    std::optional<std::string> state_file;
    ServiceOptions service;
    int threads = 1024;  // most worker threads; one per open connection, started on demand
    LogFormat log_format = LogFormat::None;
    int read_timeout_ms = 5000;      // silence allowed while a request is being received
    int request_timeout_ms = 10000;  // whole request, first byte to last
    int write_timeout_ms = 5000;
    int keep_alive_timeout_s = 5;  // idle time allowed between requests
    TlsOptions tls;
};

class MockServer {
  public:
    // With TLS enabled, loads or generates the certificate here; throws std::runtime_error
    // naming the file and OpenSSL's reason when the certificate or key cannot be used, and
    // StateFileError when options.state_file exists but cannot be loaded.
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
    // The listener on ServerOptions::port: plain HTTP, or HTTPS when TLS replaced it.
    int port() const;         // valid after start() / bind
    std::string url() const;  // "http://127.0.0.1:PORT" (or "https://..." when TLS replaced it)

    int tls_port() const;           // the HTTPS port after start(); -1 without TLS
    std::string https_url() const;  // "https://127.0.0.1:PORT"; empty without TLS
    // logicmock's local CA (PEM), which clients trust for the proxy's Azure host names and the
    // generated HTTPS certificate; empty only with the proxy off and TLS from cert_file (or off).
    std::string ca_pem() const;

    Service& service();
    WorkflowStore& store();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace logicmock
