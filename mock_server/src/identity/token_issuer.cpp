#include "identity/token_issuer.hpp"

#include <nlohmann/json.hpp>

#include "identity/jwt.hpp"
#include "util/base64.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

// An opaque claim value (aio, rh, uti): random bytes, base64url.
std::string opaque(std::size_t bytes) {
    const AccessKey random = random_access_key();
    return base64_encode(std::string_view(reinterpret_cast<const char*>(random.data()),
                                          std::min(bytes, random.size())),
                         Base64Alphabet::Url, false);
}

}  // namespace

std::string v1_issuer(const std::string& tenant_id) {
    return "https://sts.windows.net/" + tenant_id + "/";
}

IssuedToken issue_token(const SigningKey& key, const std::string& tenant_id,
                        const ServicePrincipalRecord& principal, const std::string& audience,
                        int lifetime_s, SystemTime now) {
    IssuedToken issued;
    issued.not_before =
        std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    issued.expires_on = issued.not_before + lifetime_s;
    issued.expires_in = lifetime_s;
    const std::string issuer = v1_issuer(tenant_id);
    const nlohmann::json claims{{"aud", audience},
                                {"iss", issuer},
                                {"iat", issued.not_before},
                                {"nbf", issued.not_before},
                                {"exp", issued.expires_on},
                                {"aio", opaque(24)},
                                {"appid", principal.client_id},
                                {"appidacr", "1"},
                                {"idp", issuer},
                                {"idtyp", "app"},
                                {"oid", principal.object_id},
                                {"rh", opaque(16)},
                                {"sub", principal.object_id},
                                {"tid", tenant_id},
                                {"uti", opaque(16)},
                                {"ver", "1.0"}};
    issued.access_token = sign_jwt(claims, key);
    return issued;
}

}  // namespace logicmock
