#pragma once
// Small OpenSSL helpers shared by the TLS files: owning pointers, PEM text and errors.

#include <openssl/types.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace logicmock {

class TlsError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct X509Free {
    void operator()(X509* x) const;
};
struct KeyFree {
    void operator()(EVP_PKEY* k) const;
};
using X509Ptr = std::unique_ptr<X509, X509Free>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyFree>;

// OpenSSL's queued reasons, oldest first; clears the queue.
std::string openssl_reason();
// Throws TlsError with what and OpenSSL's reason.
[[noreturn]] void throw_tls_error(const std::string& what);

std::string certificate_to_pem(X509& certificate);
std::string private_key_to_pem(EVP_PKEY& key);
X509Ptr certificate_from_pem(const std::string& pem);
KeyPtr private_key_from_pem(const std::string& pem);
KeyPtr generate_ec_key();  // P-256

}  // namespace logicmock
