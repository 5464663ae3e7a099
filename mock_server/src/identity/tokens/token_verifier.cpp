#include "identity/tokens/token_verifier.hpp"

#include "identity/tokens/jwt.hpp"
#include "identity/tokens/token_issuer.hpp"

namespace logicmock {
namespace {

std::optional<std::string> string_claim(const nlohmann::json& claims, const char* name) {
    auto it = claims.find(name);
    if (it == claims.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::optional<std::int64_t> time_claim(const nlohmann::json& claims, const char* name) {
    auto it = claims.find(name);
    if (it == claims.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<std::int64_t>();
}

std::optional<VerifiedToken> check(std::string_view token, const SigningKey& key) {
    auto verified = verify_jwt(token, key);
    auto* claims = std::get_if<nlohmann::json>(&verified);
    if (!claims) return std::nullopt;
    auto tid = string_claim(*claims, "tid");
    auto oid = string_claim(*claims, "oid");
    auto appid = string_claim(*claims, "appid");
    auto aud = string_claim(*claims, "aud");
    auto iss = string_claim(*claims, "iss");
    auto nbf = time_claim(*claims, "nbf");
    auto exp = time_claim(*claims, "exp");
    if (!tid || !oid || !appid || !aud || !iss || !nbf || !exp || *iss != v1_issuer(*tid)) {
        return std::nullopt;
    }
    VerifiedToken out{*tid, *oid, *appid, *aud, *nbf, *exp, "", false};
    if (auto idtyp = string_claim(*claims, "idtyp"); idtyp && *idtyp == "user") {
        auto upn = string_claim(*claims, "upn");
        if (!upn) return std::nullopt;
        out.user_principal_name = *upn;
        out.user = true;
    }
    return out;
}

}  // namespace

std::optional<VerifiedToken> TokenVerifier::verify(std::string_view token,
                                                   const SigningKey& key) const {
    if (token.size() > kMaxTokenBytes) return std::nullopt;
    const std::string text(token);
    {
        std::shared_lock lock(mutex_);
        if (auto it = cache_.find(text); it != cache_.end()) return it->second;
    }
    auto verified = check(token, key);
    if (!verified) return std::nullopt;  // forgeries are not cached: they cannot fill it
    std::unique_lock lock(mutex_);
    if (cache_.size() >= cache_size_) cache_.clear();
    cache_.emplace(text, *verified);
    return verified;
}

}  // namespace logicmock
