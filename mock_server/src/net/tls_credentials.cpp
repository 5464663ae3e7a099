#include "net/tls_credentials.hpp"

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace logicmock {
namespace {

constexpr long kOneHour = 60L * 60;
constexpr long kOneYear = 365L * 24 * kOneHour;

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

// OpenSSL's queued reasons, oldest first, and clears the queue.
std::string openssl_reason() {
    std::string text;
    while (unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        text += (text.empty() ? "" : "; ") + std::string(buffer);
    }
    return text.empty() ? "unknown OpenSSL error" : text;
}

[[noreturn]] void fail(const std::string& what) {
    throw TlsError(what + ": " + openssl_reason());
}

std::string bio_text(BIO& bio) {
    char* data = nullptr;
    long size = BIO_get_mem_data(&bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string to_pem(X509& certificate) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), &certificate) != 1) fail("cannot encode certificate");
    return bio_text(*bio);
}

bool is_ip_literal(const std::string& name) {
    unsigned char buffer[16];
    return inet_pton(AF_INET, name.c_str(), buffer) == 1 ||
           inet_pton(AF_INET6, name.c_str(), buffer) == 1;
}

std::string subject_alt_names(const std::vector<std::string>& extra_names) {
    std::string names = "IP:127.0.0.1,IP:::1,DNS:localhost";
    for (const auto& name : extra_names) {
        if (name.empty() || name == "0.0.0.0" || name == "::" || name == "127.0.0.1" ||
            name == "::1" || name == "localhost" || name.find(',') != std::string::npos) {
            continue;
        }
        names += (is_ip_literal(name) ? ",IP:" : ",DNS:") + name;
    }
    return names;
}

void add_extension(X509& certificate, X509& issuer, int nid, const std::string& value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, &issuer, &certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_nconf_nid(nullptr, &context, nid, value.c_str());
    if (!extension) fail("cannot build certificate extension " + value);
    int added = X509_add_ext(&certificate, extension, -1);
    X509_EXTENSION_free(extension);
    if (added != 1) fail("cannot add certificate extension " + value);
}

void set_random_serial(X509& certificate) {
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) fail("cannot draw a serial number");
    bytes[0] &= 0x7f;  // serial numbers are positive
    bytes[0] |= 0x01;  // and 16 bytes long, without a leading zero
    BIGNUM* serial = BN_bin2bn(bytes, sizeof bytes, nullptr);
    bool ok = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(&certificate));
    BN_free(serial);
    if (!ok) fail("cannot set a serial number");
}

void set_name(X509_NAME& name, const char* common_name) {
    auto add = [&name](const char* field, const char* value) {
        if (X509_NAME_add_entry_by_txt(&name, field, MBSTRING_ASC,
                                       reinterpret_cast<const unsigned char*>(value), -1, -1,
                                       0) != 1) {
            fail("cannot set certificate name");
        }
    };
    add("O", "logicmock");
    add("CN", common_name);
}

}  // namespace

void TlsCredentials::X509Free::operator()(X509* x) const {
    X509_free(x);
}
void TlsCredentials::KeyFree::operator()(EVP_PKEY* k) const {
    EVP_PKEY_free(k);
}

TlsCredentials TlsCredentials::from_pem_files(const std::string& cert_file,
                                              const std::string& key_file) {
    ERR_clear_error();
    TlsCredentials out;
    BioPtr cert_bio(BIO_new_file(cert_file.c_str(), "r"));
    if (!cert_bio) fail("cannot open certificate file '" + cert_file + "'");
    out.certificate_.reset(PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr));
    if (!out.certificate_) fail("no PEM certificate in '" + cert_file + "'");
    while (X509* next = PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr)) {
        out.chain_.emplace_back(next);
    }
    ERR_clear_error();  // reading past the last certificate queues a "no start line"

    BioPtr key_bio(BIO_new_file(key_file.c_str(), "r"));
    if (!key_bio) fail("cannot open key file '" + key_file + "'");
    out.key_.reset(PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr));
    if (!out.key_) fail("no unencrypted PEM private key in '" + key_file + "'");
    if (X509_check_private_key(out.certificate_.get(), out.key_.get()) != 1) {
        fail("the key in '" + key_file + "' does not match the certificate in '" + cert_file + "'");
    }
    return out;
}

TlsCredentials TlsCredentials::generate(const std::vector<std::string>& extra_names) {
    ERR_clear_error();
    KeyPtr ca_key(EVP_EC_gen("P-256"));
    KeyPtr server_key(EVP_EC_gen("P-256"));
    if (!ca_key || !server_key) fail("cannot generate an EC P-256 key");

    auto make = [](EVP_PKEY& key, const char* common_name) {
        X509Ptr certificate(X509_new());
        if (!certificate || X509_set_version(certificate.get(), 2) != 1 ||
            !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -kOneHour) ||
            !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), kOneYear) ||
            X509_set_pubkey(certificate.get(), &key) != 1) {
            fail("cannot create a certificate");
        }
        set_random_serial(*certificate);
        set_name(*X509_get_subject_name(certificate.get()), common_name);
        return certificate;
    };

    X509Ptr ca = make(*ca_key, "logicmock local CA");
    X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get()));
    add_extension(*ca, *ca, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    add_extension(*ca, *ca, NID_key_usage, "critical,keyCertSign,cRLSign");
    add_extension(*ca, *ca, NID_subject_key_identifier, "hash");
    add_extension(*ca, *ca, NID_authority_key_identifier, "keyid:always");
    if (X509_sign(ca.get(), ca_key.get(), EVP_sha256()) == 0) fail("cannot sign the CA");

    // A separate server certificate (not a self-signed leaf) because some TLS stacks, e.g.
    // rustls/webpki, refuse a CA certificate used as the server's own certificate.
    X509Ptr server = make(*server_key, "localhost");
    X509_set_issuer_name(server.get(), X509_get_subject_name(ca.get()));
    add_extension(*server, *ca, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(*server, *ca, NID_key_usage, "critical,digitalSignature");
    add_extension(*server, *ca, NID_ext_key_usage, "serverAuth");
    add_extension(*server, *ca, NID_subject_alt_name, subject_alt_names(extra_names));
    add_extension(*server, *ca, NID_subject_key_identifier, "hash");
    add_extension(*server, *ca, NID_authority_key_identifier, "keyid:always");
    if (X509_sign(server.get(), ca_key.get(), EVP_sha256()) == 0) {
        fail("cannot sign the server certificate");
    }

    TlsCredentials out;
    out.ca_pem_ = to_pem(*ca);
    out.certificate_ = std::move(server);
    out.key_ = std::move(server_key);  // the CA is not sent: a client either has it or fails
    return out;
}

bool TlsCredentials::install(SSL_CTX& ctx, std::string* error) const {
    ERR_clear_error();
    SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    bool ok = SSL_CTX_use_certificate(&ctx, certificate_.get()) == 1 &&
              SSL_CTX_use_PrivateKey(&ctx, key_.get()) == 1;
    for (const auto& link : chain_) {
        ok = ok && SSL_CTX_add1_chain_cert(&ctx, link.get()) == 1;
    }
    ok = ok && SSL_CTX_check_private_key(&ctx) == 1;
    if (!ok && error) *error = "cannot set up TLS: " + openssl_reason();
    return ok;
}

std::string TlsCredentials::certificate_pem() const {
    return to_pem(*certificate_);
}

std::string TlsCredentials::private_key_pem() const {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr,
                                         nullptr) != 1) {
        fail("cannot encode the private key");
    }
    return bio_text(*bio);
}

}  // namespace logicmock
