#pragma once
// The certificate and private key an HTTPS listener presents: read from the user's PEM files,
// or generated in memory at start-up (a one-year CA plus a server certificate it signs for the
// loopback names). Built with the OpenSSL API only; the private key is never written anywhere.

#include <openssl/types.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace logicmock {

class TlsError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class TlsCredentials {
  public:
    // cert_file may hold the server certificate followed by its chain. Throws TlsError with the
    // file name and OpenSSL's reason when a file is unreadable or the key does not match.
    static TlsCredentials from_pem_files(const std::string& cert_file, const std::string& key_file);

    // A fresh EC P-256 CA ("logicmock local CA") and a server certificate signed by it, both
    // valid from an hour ago for a year. The server certificate names 127.0.0.1, ::1, localhost
    // and each of extra_names (an IP literal or a DNS name; "0.0.0.0"/"::" are skipped).
    static TlsCredentials generate(const std::vector<std::string>& extra_names = {});

    // Configures a server SSL_CTX: TLS 1.2+, no compression, this certificate, chain and key.
    // On failure returns false and sets *error.
    bool install(SSL_CTX& ctx, std::string* error) const;

    // PEM of the CA that clients should trust; empty for the user's own certificate.
    const std::string& ca_pem() const { return ca_pem_; }
    std::string certificate_pem() const;  // the server certificate
    std::string private_key_pem() const;  // for tests that need a user-style key file

  private:
    struct X509Free {
        void operator()(X509* x) const;
    };
    struct KeyFree {
        void operator()(EVP_PKEY* k) const;
    };
    using X509Ptr = std::unique_ptr<X509, X509Free>;
    using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

    TlsCredentials() = default;

    X509Ptr certificate_;
    std::vector<X509Ptr> chain_;
    KeyPtr key_;
    std::string ca_pem_;
};

}  // namespace logicmock
