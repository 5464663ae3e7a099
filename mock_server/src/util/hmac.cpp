#include "util/hmac.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "util/base64.hpp"

namespace logicmock {

std::string hmac_sha256_base64url(std::string_view key, std::string_view message) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
    return base64_encode(std::string_view(reinterpret_cast<const char*>(mac), length),
                         Base64Alphabet::Url, false);
}

}  // namespace logicmock
