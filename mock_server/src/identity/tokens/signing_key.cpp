#include "identity/tokens/signing_key.hpp"

#include <fcntl.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "util/base64.hpp"

namespace logicmock {

struct SigningKey::Key {
    EVP_PKEY* pkey = nullptr;
    ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

std::string openssl_reason() {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) return "unknown OpenSSL error";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return text;
}

std::string b64url(const unsigned char* data, std::size_t size) {
    return base64_encode(std::string_view(reinterpret_cast<const char*>(data), size),
                         Base64Alphabet::Url, false);
}

std::string bn_param(EVP_PKEY* pkey, const char* name) {
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) {
        throw std::runtime_error("signing key: " + openssl_reason());
    }
    std::vector<unsigned char> bytes(static_cast<std::size_t>(BN_num_bytes(bn)));
    BN_bn2bin(bn, bytes.data());
    BN_free(bn);
    return b64url(bytes.data(), bytes.size());
}

}  // namespace

SigningKey::SigningKey(std::shared_ptr<Key> key) : key_(std::move(key)) {
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(key_->pkey, &der);
    if (size <= 0) throw std::runtime_error("signing key: " + openssl_reason());
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(der, static_cast<std::size_t>(size), digest);
    OPENSSL_free(der);
    kid_ = b64url(digest, sizeof digest);
    n_ = bn_param(key_->pkey, OSSL_PKEY_PARAM_RSA_N);
    e_ = bn_param(key_->pkey, OSSL_PKEY_PARAM_RSA_E);
}

SigningKey SigningKey::generate() {
    auto key = std::make_shared<Key>();
    key->pkey = EVP_RSA_gen(2048);
    if (!key->pkey) throw std::runtime_error("signing key: " + openssl_reason());
    return SigningKey(key);
}

SigningKey SigningKey::from_pem(std::string_view pem, const std::string& origin) {
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    if (!bio) throw std::runtime_error("signing key '" + origin + "': " + openssl_reason());
    auto key = std::make_shared<Key>();
    key->pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (!key->pkey) {
        throw std::runtime_error("signing key '" + origin +
                                 "': not an unencrypted PEM private key: " + openssl_reason());
    }
    if (EVP_PKEY_get_base_id(key->pkey) != EVP_PKEY_RSA || EVP_PKEY_get_bits(key->pkey) < 2048) {
        throw std::runtime_error("signing key '" + origin + "': RS256 needs an RSA key of at " +
                                 "least 2048 bits");
    }
    return SigningKey(key);
}

SigningKey SigningKey::from_pem_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("signing key '" + path + "': cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return from_pem(text.str(), path);
}

std::string SigningKey::private_pem() const {
    BIO* bio = BIO_new(BIO_s_mem());
    if (!bio ||
        PEM_write_bio_PrivateKey(bio, key_->pkey, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        BIO_free(bio);
        throw std::runtime_error("signing key: " + openssl_reason());
    }
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(size));
    BIO_free(bio);
    return pem;
}

std::string SigningKey::sign(std::string_view data) const {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t size = 0;
    std::string signature;
    bool ok = ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key_->pkey) == 1 &&
              EVP_DigestSign(ctx, nullptr, &size,
                             reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
    if (ok) {
        signature.resize(size);
        ok = EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &size,
                            reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
        signature.resize(size);
    }
    EVP_MD_CTX_free(ctx);
    if (!ok) throw std::runtime_error("signing key: " + openssl_reason());
    return signature;
}

bool SigningKey::verify(std::string_view data, std::string_view signature) const {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const bool ok =
        ctx && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key_->pkey) == 1 &&
        EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()),
                         signature.size(), reinterpret_cast<const unsigned char*>(data.data()),
                         data.size()) == 1;
    EVP_MD_CTX_free(ctx);
    ERR_clear_error();
    return ok;
}

SigningKey load_or_create_signing_key(const std::string& path) {
    if (std::filesystem::exists(path)) return SigningKey::from_pem_file(path);
    SigningKey key = SigningKey::generate();
    const std::string pem = key.private_pem();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("signing key '" + path + "': cannot be created");
    const bool written = ::write(fd, pem.data(), pem.size()) == static_cast<ssize_t>(pem.size());
    if (::close(fd) != 0 || !written) {
        throw std::runtime_error("signing key '" + path + "': cannot be written");
    }
    return key;
}

}  // namespace logicmock
