// logicmock as an HTTP proxy, over real sockets: a TLS client tunnelling to Azure's host names
// (certificate for that name from the local CA, keep-alive inside the tunnel), refusals, SNI
// that disagrees with the tunnel, bad bytes inside a tunnel, and the admin API kept off the
// intercepted hosts.

#include <httplib.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <memory>

#include "journal/request_journal.hpp"
#include "logicmock/mock_server.hpp"
#include "pipeline_test_support.hpp"
#include "raw_connection.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

struct ProxyFixture {
    ProxyFixture() {
        ServerOptions o;
        o.threads = 16;
        o.read_timeout_ms = 1000;
        server = std::make_unique<MockServer>(o);
        server->start();
        char name[] = "/tmp/logicmock-proxy-ca-XXXXXX";
        int fd = ::mkstemp(name);
        ::close(fd);
        ca_path = name;
        std::ofstream(ca_path) << server->ca_pem();
    }
    ~ProxyFixture() { std::remove(ca_path.c_str()); }

    // An HTTPS client for host:443 through the proxy, trusting only logicmock's CA.
    std::unique_ptr<httplib::SSLClient> client_for(const std::string& host) const {
        auto client = std::make_unique<httplib::SSLClient>(host, 443);
        client->set_proxy("127.0.0.1", server->port());
        client->set_ca_cert_path(ca_path.c_str());
        client->enable_server_certificate_verification(true);
        client->set_keep_alive(true);
        client->set_connection_timeout(std::chrono::seconds(5));
        return client;
    }

    std::unique_ptr<MockServer> server;
    std::string ca_path;
};

// TLS over a raw connection that has just had its CONNECT answered.
struct RawTls {
    RawTls(RawConnection& raw, const std::string& sni, const std::string& ca_pem)
        : ctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free) {
        BIO* bio = BIO_new_mem_buf(ca_pem.data(), static_cast<int>(ca_pem.size()));
        X509* ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
        X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx.get()), ca);
        X509_free(ca);
        BIO_free(bio);
        SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, nullptr);
        ssl = SSL_new(ctx.get());
        SSL_set_fd(ssl, raw.fd());
        if (!sni.empty()) SSL_set_tlsext_host_name(ssl, sni.c_str());
    }
    ~RawTls() { SSL_free(ssl); }
    bool handshake() { return SSL_connect(ssl) == 1; }
    std::shared_ptr<SSL_CTX> ctx;
    SSL* ssl = nullptr;
};

std::string connect_request(const std::string& authority) {
    return "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n";
}

}  // namespace

TEST_CASE("an HTTPS client reaches management.azure.com through the proxy", "[proxy][http]") {
    ProxyFixture f;
    auto client = f.client_for("management.azure.com");
    const httplib::Headers auth{{"Authorization", "Bearer t"}};
    for (int i = 0; i < 2; ++i) {  // the second request reuses the tunnel
        auto res = client->Post(regenerate_target().c_str(), auth, R"({"keyType":"Primary"})",
                                "application/json");
        INFO(httplib::to_string(res.error()));
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->has_header("x-ms-request-id"));
    }
    auto& journal = f.server->service().journal();
    CHECK(journal.count(JournalFilter().by_operation("proxyConnect")) == 1);
    CHECK(journal.count(JournalFilter().by_operation("regenerateAccessKey")) == 2);
}

TEST_CASE("a tunnel's certificate names exactly its host and chains to the CA", "[proxy][http]") {
    ProxyFixture f;
    for (const std::string host : {"login.microsoftonline.com", "prod-00.westus.logic.azure.com",
                                   "mysite.azurewebsites.net"}) {
        RawConnection raw(f.server->port());
        raw.send(connect_request(host + ":443"));
        REQUIRE_THAT(raw.read_response(), Catch::StartsWith("HTTP/1.1 200 Connection established"));
        RawTls tls(raw, host, f.server->ca_pem());
        REQUIRE(tls.handshake());
        CHECK(SSL_get_verify_result(tls.ssl) == X509_V_OK);
        X509* leaf = SSL_get1_peer_certificate(tls.ssl);
        REQUIRE(leaf);
        CHECK(X509_check_host(leaf, host.c_str(), host.size(), 0, nullptr) == 1);
        CHECK(X509_check_host(leaf, "management.azure.com", 0, 0, nullptr) != 1);
        X509_free(leaf);
    }
}

TEST_CASE("Python's HTTP/1.0 CONNECT without Host opens a tunnel", "[proxy][http]") {
    ProxyFixture f;
    RawConnection raw(f.server->port());
    raw.send("CONNECT login.microsoftonline.com:443 HTTP/1.0\r\n\r\n");
    REQUIRE_THAT(raw.read_response(), Catch::StartsWith("HTTP/1.1 200 Connection established"));
    RawTls tls(raw, "login.microsoftonline.com", f.server->ca_pem());
    CHECK(tls.handshake());
}

TEST_CASE("the proxy refuses what it does not serve, and closes", "[proxy][http]") {
    ProxyFixture f;
    SECTION("a host it does not serve") {
        RawConnection raw(f.server->port());
        raw.send(connect_request("example.com:443"));
        const std::string answer = raw.read_all();
        CHECK_THAT(answer, Catch::StartsWith("HTTP/1.1 403 Forbidden"));
        CHECK_THAT(answer, Catch::Contains("ProxyHostNotServed") &&
                               Catch::Contains("https://example.com:443"));
        CHECK(raw.end() != RawConnection::End::Open);
    }
    SECTION("a malformed CONNECT") {
        RawConnection raw(f.server->port());
        raw.send(connect_request("management.azure.com"));
        CHECK_THAT(raw.read_all(), Catch::StartsWith("HTTP/1.1 400 Bad Request") &&
                                       Catch::Contains("ProxyRequestInvalid"));
    }
    SECTION("an absolute-form request for another host") {
        RawConnection raw(f.server->port());
        raw.send("GET http://example.com/ HTTP/1.1\r\nHost: example.com\r\n\r\n");
        CHECK_THAT(raw.read_response(), Catch::StartsWith("HTTP/1.1 403"));
    }
    SECTION("SNI that names another host than the tunnel's") {
        RawConnection raw(f.server->port());
        raw.send(connect_request("management.azure.com:443"));
        REQUIRE_THAT(raw.read_response(), Catch::StartsWith("HTTP/1.1 200"));
        RawTls tls(raw, "login.microsoftonline.com", f.server->ca_pem());
        CHECK_FALSE(tls.handshake());
    }
    SECTION("bytes that are not TLS inside the tunnel close that tunnel only") {
        RawConnection raw(f.server->port());
        raw.send(connect_request("management.azure.com:443"));
        REQUIRE_THAT(raw.read_response(), Catch::StartsWith("HTTP/1.1 200"));
        raw.send("GET / HTTP/1.1\r\nHost: management.azure.com\r\n\r\n");
        CHECK(raw.read_all().find("HTTP/1.1") == std::string::npos);
    }
    // The server goes on serving tunnels.
    auto res = f.client_for("management.azure.com")
                   ->Post(regenerate_target().c_str(), {{"Authorization", "Bearer t"}},
                          R"({"keyType":"Primary"})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
}

TEST_CASE("the admin API answers only on the direct address", "[proxy][http]") {
    ProxyFixture f;
    auto client = f.client_for("management.azure.com");
    auto journal = client->Get("/_mock/journal");
    REQUIRE(journal);
    CHECK(journal->status == 404);
    CHECK(journal->body.find("\"entries\"") == std::string::npos);
    auto reset = client->Post("/_mock/reset", "{}", "application/json");
    REQUIRE(reset);
    CHECK(reset->status >= 400);
    auto ca = client->Get("/_mock/ca.pem");
    REQUIRE(ca);
    CHECK(ca->body.find("BEGIN CERTIFICATE") == std::string::npos);

    httplib::Client direct("127.0.0.1", f.server->port());
    auto pem = direct.Get("/_mock/ca.pem");
    REQUIRE(pem);
    CHECK(pem->status == 200);
    CHECK(pem->body == f.server->ca_pem());
}
