#pragma once
// Checks that a bearer token is one this server's Entra ID signed: RS256 with its key and a v1
// issuer naming the token's tid. Time, audience, principal and tenant checks are ARM's
// (arm/authentication.cpp), done on every request; this part is done once per token and cached.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "identity/tokens/signing_key.hpp"

namespace logicmock {

struct VerifiedToken {
    std::string tenant_id;
    std::string object_id;
    std::string app_id;
    std::string audience;
    std::int64_t not_before = 0;  // Unix seconds
    std::int64_t expires = 0;
    std::string user_principal_name;  // a user token's upn ("" for an app token)
    bool user = false;                // idtyp "user": a person signed in (user_grants.cpp)
};

class TokenVerifier {
  public:
    explicit TokenVerifier(std::size_t cache_size = 4096) : cache_size_(cache_size) {}

    // nullopt: not a well-formed token signed by `key` with the claims ARM needs.
    std::optional<VerifiedToken> verify(std::string_view token, const SigningKey& key) const;

  private:
    std::size_t cache_size_;
    mutable std::shared_mutex mutex_;
    // Keyed by the token; emptied when full (tokens are re-verified, never wrongly accepted).
    mutable std::unordered_map<std::string, VerifiedToken> cache_;
};

}  // namespace logicmock
