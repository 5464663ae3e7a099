#pragma once
// The RSA key the fake Entra ID signs access tokens with (RS256) and ARM's front door verifies
// them with. Generated (2048 bits) or read from a PEM file, so that tokens survive restarts.

#include <memory>
#include <string>
#include <string_view>

namespace logicmock {

class SigningKey {
  public:
    static SigningKey generate();
    // Reads an unencrypted RSA private key (PEM); throws std::runtime_error naming the file.
    static SigningKey from_pem_file(const std::string& path);
    static SigningKey from_pem(std::string_view pem, const std::string& origin);

    // The key id (kid and x5t of tokens, kid of the JWKS): base64url of the SHA-1 of the
    // DER public key, 27 characters, as Entra's thumbprint-shaped kids look.
    const std::string& kid() const { return kid_; }
    const std::string& modulus() const { return n_; }   // base64url, no padding
    const std::string& exponent() const { return e_; }  // base64url, no padding
    std::string private_pem() const;

    std::string sign(std::string_view data) const;  // RSASSA-PKCS1-v1_5 SHA-256 signature
    bool verify(std::string_view data, std::string_view signature) const;

  private:
    struct Key;
    explicit SigningKey(std::shared_ptr<Key> key);
    std::shared_ptr<Key> key_;
    std::string kid_, n_, e_;
};

// The file given by --signing-key: read when it exists, else a new key is generated and
// written there (mode 0600).
SigningKey load_or_create_signing_key(const std::string& path);

}  // namespace logicmock
