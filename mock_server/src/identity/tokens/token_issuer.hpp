#pragma once
// Access tokens as Entra ID mints them for ARM: RS256 JWTs with v1 claims (docs/signing-in.md).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "identity/directory/directory.hpp"
#include "identity/protocol/identity_routes.hpp"
#include "identity/tokens/signing_key.hpp"
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

// A user's access token for ARM: v1 claims with scp user_impersonation, upn, name, amr, idtyp
// "user" and the client as appid (docs/signing-in.md).
IssuedToken issue_user_token(const SigningKey& key, const SignedInUser& user,
                             const std::string& client_id, const std::string& audience,
                             int lifetime_s, SystemTime now);

// The OIDC id token: v2 claims for the client (aud = client id), issuer as discovery names it.
std::string issue_id_token(const SigningKey& key, const SignedInUser& user,
                           const std::string& client_id, const std::string& issuer,
                           const std::string& nonce, int lifetime_s, SystemTime now);

// The id token's iss: what the discovery document of the endpoint's family names (MSAL compares
// them): {base}/adfs, {base}/{tid}/v2.0, or the v1 issuer.
std::string id_token_issuer(const std::string& base_url, const IdentityRoute& route,
                            const std::string& tenant_id);

// client_info as MSAL reads it: base64url {"uid": oid, "utid": tid}.
std::string client_info_of(const SignedInUser& user);

// A refresh token: signed by the same key, so the server keeps no state for it; it names the
// user, the client and the scope, and is never accepted as an access token (no aud, no iss).
inline constexpr int kRefreshTokenLifetimeSeconds = 90 * 24 * 3600;
std::string issue_refresh_token(const SigningKey& key, const SignedInUser& user,
                                const std::string& client_id, const std::string& scope,
                                SystemTime now);

struct RefreshGrant {
    SignedInUser user;
    std::string client_id;
    std::string scope;
    std::int64_t expires = 0;  // Unix seconds
};
// nullopt: not a refresh token this server signed.
std::optional<RefreshGrant> read_refresh_token(const SigningKey& key, std::string_view token);

}  // namespace logicmock
