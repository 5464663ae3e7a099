#pragma once
// The certificate and private key an HTTPS listener presents: read from the user's PEM files,
// or issued at start-up by logicmock's local CA for the loopback names. Built with the OpenSSL
// API only; the private key is never written anywhere.

#include <openssl/types.h>

#include <string>
#include <vector>

#include "net/local_ca.hpp"
#include "net/openssl_util.hpp"

namespace logicmock {

class TlsCredentials {
  public:
    // cert_file may hold the server certificate followed by its chain. Throws TlsError with the
    // file name and OpenSSL's reason when a file is unreadable or the key does not match.
    static TlsCredentials from_pem_files(const std::string& cert_file, const std::string& key_file);

    // A server certificate (fresh EC P-256 key) signed by ca, valid from an hour ago for a year,
    // naming 127.0.0.1, ::1, localhost and each of extra_names (an IP literal or a DNS name;
    // "0.0.0.0"/"::" are skipped).
    static TlsCredentials generate(const LocalCa& ca,
                                   const std::vector<std::string>& extra_names = {});

    // Configures a server SSL_CTX: TLS 1.2+, no compression, this certificate, chain and key.
    // On failure returns false and sets *error.
    bool install(SSL_CTX& ctx, std::string* error) const;

    std::string certificate_pem() const;  // the server certificate
    std::string private_key_pem() const;  // for tests that need a user-style key file

  private:
    TlsCredentials() = default;

    X509Ptr certificate_;
    std::vector<X509Ptr> chain_;
    KeyPtr key_;
};

}  // namespace logicmock
