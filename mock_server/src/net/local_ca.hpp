#pragma once
// logicmock's own certificate authority: it signs the HTTPS listener's certificate and the leaf
// certificates the proxy presents for Azure's host names (docs/https-and-certificates.md). One
// per server: generated at start, or kept in two files so clients trust it once.

#include <string>
#include <vector>

#include "net/openssl_util.hpp"

namespace logicmock {

class LocalCa {
  public:
    // A fresh EC P-256 CA, "logicmock local CA", valid from an hour ago for a year.
    static LocalCa generate();
    // The CA in cert_file and key_file when both exist; otherwise a fresh one written to both
    // (the key owner-only, never through a link). Throws TlsError naming the file.
    static LocalCa load_or_create(const std::string& cert_file, const std::string& key_file);

    // A certificate for names (DNS names or IP literals; the first is the subject's CN) and
    // key, signed by this CA, for TLS servers, valid from an hour ago for a year.
    X509Ptr issue(const std::vector<std::string>& names, EVP_PKEY& key) const;

    const std::string& pem() const { return pem_; }

  private:
    LocalCa(X509Ptr certificate, KeyPtr key);

    X509Ptr certificate_;
    KeyPtr key_;
    std::string pem_;
};

}  // namespace logicmock
