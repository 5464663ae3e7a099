#pragma once
// Compact JWS (RFC 7515) with RS256 only: signing the fake's tokens and checking a token's
// signature against the fake's key. Anything else (alg none, HS256, another kid, a broken
// encoding) is refused before any claim is trusted.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "identity/tokens/signing_key.hpp"

namespace logicmock {

// Longest token looked at; a longer one is refused unread (Entra's are about 1.5 KB).
inline constexpr std::size_t kMaxTokenBytes = 16 * 1024;

// header.payload.signature with header {typ: JWT, alg: RS256, kid, x5t}.
std::string sign_jwt(const nlohmann::json& claims, const SigningKey& key);

enum class JwtFailure {
    Malformed,     // not three base64url parts of JSON objects, or too long
    Algorithm,     // alg is not RS256
    UnknownKey,    // kid is not the fake's key
    BadSignature,  // the signature does not match
};

// The payload's claims when the token is a well-formed RS256 JWS signed by `key`.
std::variant<nlohmann::json, JwtFailure> verify_jwt(std::string_view token, const SigningKey& key);

}  // namespace logicmock
