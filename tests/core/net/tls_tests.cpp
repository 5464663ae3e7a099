// HTTPS listeners as a TLS client sees them: which certificates are trusted, HTTP and HTTPS
// served together, the user's own certificate files, and hostile bytes on the TLS port.

#include <httplib.h>
#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>

#include "logicmock/mock_server.hpp"
#include "net/tls_credentials.hpp"
#include "pipeline_test_support.hpp"
#include "raw_connection.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

class TempFile {
  public:
    explicit TempFile(const std::string& content) {
        char name[] = "/tmp/logicmock-tls-test-XXXXXX";
        int fd = ::mkstemp(name);
        REQUIRE(fd >= 0);
        ::close(fd);
        path_ = name;
        std::ofstream(path_) << content;
    }
    ~TempFile() { std::remove(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

ServerOptions https_options() {
    ServerOptions o;
    o.threads = 8;
    o.tls.enabled = true;
    return o;
}

std::unique_ptr<httplib::SSLClient> client_trusting(const std::string& ca_path, int port,
                                                    const std::string& host = "127.0.0.1") {
    auto client = std::make_unique<httplib::SSLClient>(host, port);
    client->set_ca_cert_path(ca_path.c_str());
    client->enable_server_certificate_verification(true);
    client->set_tcp_nodelay(true);
    client->set_connection_timeout(std::chrono::seconds(5));
    return client;
}

httplib::Result regenerate(httplib::ClientImpl& client, const std::string& key_type = "Primary") {
    return client.Post(regenerate_target().c_str(), {{"Authorization", "Bearer t"}},
                       R"({"keyType":")" + key_type + "\"}", "application/json");
}

std::uint64_t primary_rotations(MockServer& server) {
    return server.store()
        .find_workflow({kSubscription, kResourceGroup, kWorkflow})
        ->primary_rotations;
}

struct SslDeleter {
    void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
    void operator()(SSL* s) const { SSL_free(s); }
};

// The first flight of a real TLS client: its ClientHello, made with a memory BIO.
std::string client_hello() {
    std::unique_ptr<SSL_CTX, SslDeleter> ctx(SSL_CTX_new(TLS_client_method()));
    std::unique_ptr<SSL, SslDeleter> ssl(SSL_new(ctx.get()));
    BIO* in = BIO_new(BIO_s_mem());
    BIO* out = BIO_new(BIO_s_mem());
    SSL_set_bio(ssl.get(), in, out);       // ssl owns both now
    REQUIRE(SSL_connect(ssl.get()) <= 0);  // wants the ServerHello
    char* data = nullptr;
    long size = BIO_get_mem_data(out, &data);
    REQUIRE(size > 0);
    return std::string(data, static_cast<std::size_t>(size));
}

// Completes a handshake on connection's socket (no verification) and sends one request.
void send_request_over_tls(RawConnection& connection, const std::string& request) {
    std::unique_ptr<SSL_CTX, SslDeleter> ctx(SSL_CTX_new(TLS_client_method()));
    std::unique_ptr<SSL, SslDeleter> ssl(SSL_new(ctx.get()));
    SSL_set_fd(ssl.get(), connection.fd());
    REQUIRE(SSL_connect(ssl.get()) == 1);
    REQUIRE(SSL_write(ssl.get(), request.data(), static_cast<int>(request.size())) ==
            static_cast<int>(request.size()));
}

}  // namespace

TEST_CASE("HTTPS with the generated CA: trusted request rotates the key", "[tls]") {
    MockServer server(https_options());
    server.start();
    REQUIRE(server.tls_port() == server.port());
    REQUIRE(server.url() == "https://127.0.0.1:" + std::to_string(server.port()));
    REQUIRE(server.https_url() == server.url());
    REQUIRE_THAT(server.ca_pem(), Catch::StartsWith("-----BEGIN CERTIFICATE-----"));
    TempFile ca(server.ca_pem());

    for (const char* host : {"127.0.0.1", "localhost"}) {
        auto before = primary_rotations(server);
        auto client = client_trusting(ca.path(), server.tls_port(), host);
        auto res = regenerate(*client);
        INFO(host << ": " << httplib::to_string(res.error()));
        REQUIRE(res);
        REQUIRE(res->status == 200);
        REQUIRE(res->has_header("x-ms-request-id"));
        REQUIRE(primary_rotations(server) == before + 1);
    }
}

TEST_CASE("a certificate the client does not trust is refused before any request", "[tls]") {
    MockServer server(https_options());
    server.start();
    MockServer other(https_options());  // another run: another CA
    TempFile wrong_ca(other.ca_pem());
    auto before = primary_rotations(server);

    auto client = client_trusting(wrong_ca.path(), server.tls_port());
    auto res = regenerate(*client);
    REQUIRE_FALSE(res);
    REQUIRE(res.error() == httplib::Error::SSLServerVerification);
    REQUIRE(httplib::to_string(res.error()) == "SSLServerVerification");
    REQUIRE(client->get_openssl_verify_result() == X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY);
    REQUIRE(primary_rotations(server) == before);

    // Each server generates its own CA: a second start-up's CA is never the first one's.
    REQUIRE(other.ca_pem() != server.ca_pem());
}

TEST_CASE("plain HTTP and HTTPS on two ports share one state (tls.port set)", "[tls]") {
    ServerOptions o = https_options();
    o.tls.port = 0;
    MockServer server(o);
    server.start();
    REQUIRE(server.port() > 0);
    REQUIRE(server.tls_port() > 0);
    REQUIRE(server.tls_port() != server.port());
    REQUIRE(server.url() == "http://127.0.0.1:" + std::to_string(server.port()));
    REQUIRE(server.https_url() == "https://127.0.0.1:" + std::to_string(server.tls_port()));
    TempFile ca(server.ca_pem());
    auto before = primary_rotations(server);

    httplib::Client plain(server.host(), server.port());
    plain.set_tcp_nodelay(true);
    auto over_http = plain.Post(regenerate_target().c_str(), {{"Authorization", "Bearer t"}},
                                R"({"keyType":"Primary"})", "application/json");
    REQUIRE(over_http);
    REQUIRE(over_http->status == 200);
    auto over_https = regenerate(*client_trusting(ca.path(), server.tls_port()));
    REQUIRE(over_https);
    REQUIRE(over_https->status == 200);
    REQUIRE(primary_rotations(server) == before + 2);
}

TEST_CASE("without TLS there is no HTTPS port, and the CA is the proxy's", "[tls]") {
    MockServer server;
    server.start();
    REQUIRE(server.tls_port() == -1);
    REQUIRE(server.https_url().empty());
    REQUIRE_THAT(server.ca_pem(), Catch::StartsWith("-----BEGIN CERTIFICATE-----"));
    REQUIRE_THAT(server.url(), Catch::StartsWith("http://"));

    ServerOptions no_proxy;
    no_proxy.service.proxy = false;
    MockServer plain(no_proxy);
    REQUIRE(plain.ca_pem().empty());
}

TEST_CASE("the user's certificate and key files are served", "[tls]") {
    const LocalCa user_ca = LocalCa::generate();
    TlsCredentials issued = TlsCredentials::generate(user_ca);
    TempFile ca(user_ca.pem());
    TempFile cert(issued.certificate_pem() + user_ca.pem());  // leaf followed by its chain
    TempFile key(issued.private_key_pem());

    ServerOptions o = https_options();
    o.tls.cert_file = cert.path();
    o.tls.key_file = key.path();
    MockServer server(o);
    server.start();
    REQUIRE(server.ca_pem() != user_ca.pem());  // logicmock's CA is the proxy's, not the user's

    auto res = regenerate(*client_trusting(ca.path(), server.tls_port()));
    INFO(httplib::to_string(res.error()));
    REQUIRE(res);
    REQUIRE(res->status == 200);
}

TEST_CASE("unusable certificate or key files fail construction naming the file", "[tls]") {
    const LocalCa ca = LocalCa::generate();
    TlsCredentials one = TlsCredentials::generate(ca);
    TlsCredentials two = TlsCredentials::generate(ca);
    TempFile cert(one.certificate_pem());
    TempFile other_key(two.private_key_pem());
    TempFile not_pem("hello");

    auto build = [](const std::string& cert_file, const std::string& key_file) {
        ServerOptions o = https_options();
        o.tls.cert_file = cert_file;
        o.tls.key_file = key_file;
        MockServer server(o);
    };
    REQUIRE_THROWS_WITH(build("/nonexistent/cert.pem", other_key.path()),
                        Catch::StartsWith("cannot open certificate file '/nonexistent/cert.pem'"));
    REQUIRE_THROWS_WITH(build(not_pem.path(), other_key.path()),
                        Catch::StartsWith("no PEM certificate in '" + not_pem.path() + "'"));
    REQUIRE_THROWS_WITH(build(cert.path(), not_pem.path()),
                        Catch::StartsWith("no unencrypted PEM private key in '" + not_pem.path()));
    REQUIRE_THROWS_WITH(build(cert.path(), other_key.path()), Catch::Contains("does not match"));
    REQUIRE_THROWS_WITH(build(cert.path(), ""), Catch::Contains("both a certificate"));
}

TEST_CASE("bad bytes on the TLS port never stop it serving", "[tls]") {
    ServerOptions o = https_options();
    o.read_timeout_ms = 500;  // how long a stalled handshake may hold a worker
    MockServer server(o);
    server.start();
    TempFile ca(server.ca_pem());
    auto good_request = [&] {
        auto res = regenerate(*client_trusting(ca.path(), server.tls_port()));
        REQUIRE(res);
        REQUIRE(res->status == 200);
    };

    SECTION("plain HTTP gets no HTTP answer") {
        RawConnection connection(server.tls_port());
        connection.send("GET /_mock/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        REQUIRE(connection.read_all().find("HTTP/1.1") == std::string::npos);
    }
    SECTION("garbage bytes") {
        std::mt19937 random(42);
        std::string garbage(16 * 1024, '\0');
        for (auto& c : garbage) c = static_cast<char>(random());
        RawConnection connection(server.tls_port());
        connection.send(garbage);
        REQUIRE(connection.read_all().find("HTTP/1.1") == std::string::npos);
    }
    SECTION("a handshake that stops after the ClientHello, then a closed socket") {
        RawConnection connection(server.tls_port());
        connection.send(client_hello());
        std::string server_hello = connection.read_response();  // the first bytes of the flight
        REQUIRE_FALSE(server_hello.empty());
        REQUIRE(server_hello[0] == 0x16);  // a TLS handshake record
    }
    SECTION("a handshake stalled halfway while another client is served") {
        std::string hello = client_hello();
        RawConnection stalled(server.tls_port());
        stalled.send(hello.substr(0, hello.size() / 2));
        good_request();
    }
    SECTION("clients that hang up right after their ClientHello") {
        // The server's handshake flight goes to a socket that is already closed.
        std::string hello = client_hello();
        for (int i = 0; i < 20; ++i) {
            RawConnection connection(server.tls_port());
            connection.send(hello);
        }
    }
    SECTION("clients that hang up before reading the reply") {
        for (int i = 0; i < 20; ++i) {
            RawConnection connection(server.tls_port());
            send_request_over_tls(
                connection, "GET /_mock/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        }
    }
    good_request();
}
