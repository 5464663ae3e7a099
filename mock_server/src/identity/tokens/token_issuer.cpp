#include "identity/tokens/token_issuer.hpp"

#include <nlohmann/json.hpp>

#include "identity/tokens/jwt.hpp"
#include "logicmock/http_headers.hpp"
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

// What marks a refresh token apart from every access and id token.
constexpr std::string_view kRefreshTokenType = "logicmock-refresh";

// Entra's sub is pairwise: stable per user and application, different across applications.
std::string pairwise_subject(const SignedInUser& user, const std::string& client_id) {
    return derived_object_id(user.object_id + "/" + client_id);
}

}  // namespace

std::string v1_issuer(const std::string& tenant_id) {
    return "https://sts.windows.net/" + tenant_id + "/";
}

IssuedToken issue_token(const SigningKey& key, const std::string& tenant_id,
                        const ServicePrincipalRecord& principal, const std::string& audience,
                        int lifetime_s, SystemTime now) {
    IssuedToken issued;
    issued.not_before = unix_seconds(now);
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

IssuedToken issue_user_token(const SigningKey& key, const SignedInUser& user,
                             const std::string& client_id, const std::string& audience,
                             int lifetime_s, SystemTime now) {
    IssuedToken issued;
    issued.not_before = unix_seconds(now);
    issued.expires_on = issued.not_before + lifetime_s;
    issued.expires_in = lifetime_s;
    const std::string issuer = v1_issuer(user.tenant_id);
    const nlohmann::json claims{{"aud", audience},
                                {"iss", issuer},
                                {"iat", issued.not_before},
                                {"nbf", issued.not_before},
                                {"exp", issued.expires_on},
                                {"acr", "1"},
                                {"aio", opaque(24)},
                                {"amr", {"pwd"}},
                                {"appid", client_id},
                                {"appidacr", "0"},
                                {"idtyp", "user"},
                                {"name", user.display_name},
                                {"oid", user.object_id},
                                {"rh", opaque(16)},
                                {"scp", "user_impersonation"},
                                {"sub", pairwise_subject(user, client_id)},
                                {"tid", user.tenant_id},
                                {"unique_name", user.user_principal_name},
                                {"upn", user.user_principal_name},
                                {"uti", opaque(16)},
                                {"ver", "1.0"}};
    issued.access_token = sign_jwt(claims, key);
    return issued;
}

std::string issue_id_token(const SigningKey& key, const SignedInUser& user,
                           const std::string& client_id, const std::string& issuer,
                           const std::string& nonce, int lifetime_s, SystemTime now) {
    const std::int64_t iat = unix_seconds(now);
    nlohmann::json claims{{"aud", client_id},
                          {"iss", issuer},
                          {"iat", iat},
                          {"nbf", iat},
                          {"exp", iat + lifetime_s},
                          {"name", user.display_name},
                          {"oid", user.object_id},
                          {"preferred_username", user.user_principal_name},
                          {"rh", opaque(16)},
                          {"sub", pairwise_subject(user, client_id)},
                          {"tid", user.tenant_id},
                          {"uti", opaque(16)},
                          {"ver", "2.0"}};
    if (!nonce.empty()) claims["nonce"] = nonce;
    return sign_jwt(claims, key);
}

std::string id_token_issuer(const std::string& base_url, const IdentityRoute& route,
                            const std::string& tenant_id) {
    if (iequals(route.tenant, kAdfsTenant)) return base_url + "/" + std::string(kAdfsTenant);
    switch (route.endpoint) {
        case IdentityEndpoint::AuthorizeV2:
        case IdentityEndpoint::TokenV2:
        case IdentityEndpoint::DeviceCodeV2:
            return base_url + "/" + tenant_id + "/v2.0";
        default:
            return v1_issuer(tenant_id);
    }
}

std::string client_info_of(const SignedInUser& user) {
    const std::string json =
        nlohmann::json{{"uid", user.object_id}, {"utid", user.tenant_id}}.dump();
    return base64_encode(json, Base64Alphabet::Url, false);
}

std::string issue_refresh_token(const SigningKey& key, const SignedInUser& user,
                                const std::string& client_id, const std::string& scope,
                                SystemTime now) {
    const std::int64_t iat = unix_seconds(now);
    const nlohmann::json claims{{"typ", kRefreshTokenType},
                                {"tid", user.tenant_id},
                                {"oid", user.object_id},
                                {"upn", user.user_principal_name},
                                {"name", user.display_name},
                                {"client_id", client_id},
                                {"scope", scope},
                                {"iat", iat},
                                {"exp", iat + kRefreshTokenLifetimeSeconds},
                                {"uti", opaque(16)}};
    return sign_jwt(claims, key);
}

std::optional<RefreshGrant> read_refresh_token(const SigningKey& key, std::string_view token) {
    if (token.size() > kMaxTokenBytes) return std::nullopt;
    auto verified = verify_jwt(token, key);
    const auto* claims = std::get_if<nlohmann::json>(&verified);
    if (!claims) return std::nullopt;
    try {
        if (claims->at("typ").get<std::string>() != kRefreshTokenType) return std::nullopt;
        RefreshGrant grant{
            {claims->at("tid").get<std::string>(), claims->at("oid").get<std::string>(),
             claims->at("upn").get<std::string>(), claims->at("name").get<std::string>()},
            claims->at("client_id").get<std::string>(),
            claims->at("scope").get<std::string>(),
            claims->at("exp").get<std::int64_t>()};
        return grant;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace logicmock
