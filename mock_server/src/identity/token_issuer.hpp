#pragma once
// Access tokens as Entra ID mints them for ARM: RS256 JWTs with v1 claims (entra-id.md §5).

#include <cstdint>
#include <string>

#include "identity/signing_key.hpp"
#include "logicmock/workflow_store.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

struct IssuedToken {
    std::string access_token;
    std::int64_t not_before = 0;  // Unix seconds; also iat
    std::int64_t expires_on = 0;  // Unix seconds: not_before + lifetime
    int expires_in = 0;
};

// "https://sts.windows.net/{tid}/", the v1 issuer.
std::string v1_issuer(const std::string& tenant_id);

IssuedToken issue_token(const SigningKey& key, const std::string& tenant_id,
                        const ServicePrincipalRecord& principal, const std::string& audience,
                        int lifetime_s, SystemTime now);

}  // namespace logicmock
