#include "net/openssl_util.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace logicmock {
namespace {

struct BioFree {
    void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

std::string bio_text(BIO& bio) {
    char* data = nullptr;
    long size = BIO_get_mem_data(&bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

BioPtr reader(const std::string& pem) {
    return BioPtr(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

}  // namespace

void X509Free::operator()(X509* x) const {
    X509_free(x);
}
void KeyFree::operator()(EVP_PKEY* k) const {
    EVP_PKEY_free(k);
}

std::string openssl_reason() {
    std::string text;
    while (unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        text += (text.empty() ? "" : "; ") + std::string(buffer);
    }
    return text.empty() ? "unknown OpenSSL error" : text;
}

void throw_tls_error(const std::string& what) {
    throw TlsError(what + ": " + openssl_reason());
}

std::string certificate_to_pem(X509& certificate) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), &certificate) != 1) {
        throw_tls_error("cannot encode certificate");
    }
    return bio_text(*bio);
}

std::string private_key_to_pem(EVP_PKEY& key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), &key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        throw_tls_error("cannot encode the private key");
    }
    return bio_text(*bio);
}

X509Ptr certificate_from_pem(const std::string& pem) {
    BioPtr bio = reader(pem);
    return X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

KeyPtr private_key_from_pem(const std::string& pem) {
    BioPtr bio = reader(pem);
    return KeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

KeyPtr generate_ec_key() {
    KeyPtr key(EVP_EC_gen("P-256"));
    if (!key) throw_tls_error("cannot generate an EC P-256 key");
    return key;
}

}  // namespace logicmock
