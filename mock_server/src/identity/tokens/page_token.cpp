#include "identity/tokens/page_token.hpp"

#include <openssl/crypto.h>

#include <cstdint>

#include "util/hmac.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

constexpr std::int64_t kLifetimeSeconds = 3600;

std::string mac(const PageSecret& secret, std::int64_t issued, std::string_view binding) {
    return hmac_sha256_base64url(
        std::string_view(reinterpret_cast<const char*>(secret.data()), secret.size()),
        std::to_string(issued) + "\n" + std::string(binding));
}

}  // namespace

PageSecret random_page_secret() {
    return random_access_key();
}

std::string make_page_token(const PageSecret& secret, std::string_view binding, SystemTime now) {
    const std::int64_t issued = unix_seconds(now);
    return std::to_string(issued) + "." + mac(secret, issued, binding);
}

bool page_token_valid(const PageSecret& secret, std::string_view binding, std::string_view token,
                      SystemTime now) {
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 12 || token.size() > 128) return false;
    std::int64_t issued = 0;
    for (char c : token.substr(0, dot)) {
        if (c < '0' || c > '9') return false;
        issued = issued * 10 + (c - '0');
    }
    const std::int64_t age = unix_seconds(now) - issued;
    if (age < -300 || age > kLifetimeSeconds) return false;
    const std::string expected = mac(secret, issued, binding);
    const std::string_view given = token.substr(dot + 1);
    return given.size() == expected.size() &&
           CRYPTO_memcmp(given.data(), expected.data(), given.size()) == 0;
}

}  // namespace logicmock
