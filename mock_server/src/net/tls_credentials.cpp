#include "net/tls_credentials.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace logicmock {
namespace {

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

std::vector<std::string> server_names(const std::vector<std::string>& extra_names) {
    std::vector<std::string> names{"localhost", "127.0.0.1", "::1"};
    for (const auto& name : extra_names) {
        if (name.empty() || name == "0.0.0.0" || name == "::" || name == "127.0.0.1" ||
            name == "::1" || name == "localhost") {
            continue;
        }
        names.push_back(name);
    }
    return names;
}

}  // namespace

TlsCredentials TlsCredentials::from_pem_files(const std::string& cert_file,
                                              const std::string& key_file) {
    ERR_clear_error();
    TlsCredentials out;
    BioPtr cert_bio(BIO_new_file(cert_file.c_str(), "r"));
    if (!cert_bio) throw_tls_error("cannot open certificate file '" + cert_file + "'");
    out.certificate_.reset(PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr));
    if (!out.certificate_) throw_tls_error("no PEM certificate in '" + cert_file + "'");
    while (X509* next = PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr)) {
        out.chain_.emplace_back(next);
    }
    ERR_clear_error();  // reading past the last certificate queues a "no start line"

    BioPtr key_bio(BIO_new_file(key_file.c_str(), "r"));
    if (!key_bio) throw_tls_error("cannot open key file '" + key_file + "'");
    out.key_.reset(PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr));
    if (!out.key_) throw_tls_error("no unencrypted PEM private key in '" + key_file + "'");
    if (X509_check_private_key(out.certificate_.get(), out.key_.get()) != 1) {
        throw_tls_error("the key in '" + key_file + "' does not match the certificate in '" +
                        cert_file + "'");
    }
    return out;
}

// A separate server certificate (not the CA itself) because some TLS stacks, e.g. rustls/webpki,
// refuse a CA certificate used as the server's own certificate. The CA is not sent: a client
// either trusts it or fails.
TlsCredentials TlsCredentials::generate(const LocalCa& ca,
                                        const std::vector<std::string>& extra_names) {
    TlsCredentials out;
    out.key_ = generate_ec_key();
    out.certificate_ = ca.issue(server_names(extra_names), *out.key_);
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
    return certificate_to_pem(*certificate_);
}

std::string TlsCredentials::private_key_pem() const {
    return private_key_to_pem(*key_);
}

}  // namespace logicmock
