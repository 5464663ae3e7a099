#include "identity/tokens/jwt.hpp"

#include <optional>

#include "logicmock/json_text.hpp"
#include "util/base64.hpp"

namespace logicmock {
namespace {

std::string b64url(std::string_view bytes) {
    return base64_encode(bytes, Base64Alphabet::Url, false);
}

std::optional<nlohmann::json> json_object_part(std::string_view part) {
    auto bytes = base64_decode(part, Base64Alphabet::Url);
    if (!bytes) return std::nullopt;
    auto parsed = parse_json(*bytes, 8);
    auto* value = std::get_if<nlohmann::json>(&parsed);
    if (!value || !value->is_object()) return std::nullopt;
    return std::move(*value);
}

}  // namespace

std::string sign_jwt(const nlohmann::json& claims, const SigningKey& key) {
    const nlohmann::json header{
        {"typ", "JWT"}, {"alg", "RS256"}, {"x5t", key.kid()}, {"kid", key.kid()}};
    const std::string signing_input = b64url(header.dump()) + "." + b64url(claims.dump());
    return signing_input + "." + b64url(key.sign(signing_input));
}

std::variant<nlohmann::json, JwtFailure> verify_jwt(std::string_view token, const SigningKey& key) {
    if (token.size() > kMaxTokenBytes) return JwtFailure::Malformed;
    const auto first = token.find('.');
    if (first == std::string_view::npos) return JwtFailure::Malformed;
    const auto second = token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
        return JwtFailure::Malformed;
    }
    auto header = json_object_part(token.substr(0, first));
    if (!header) return JwtFailure::Malformed;
    auto alg = header->find("alg");
    if (alg == header->end() || !alg->is_string() || *alg != "RS256") return JwtFailure::Algorithm;
    auto kid = header->find("kid");
    if (kid == header->end() || !kid->is_string() || *kid != key.kid()) {
        return JwtFailure::UnknownKey;
    }
    auto signature = base64_decode(token.substr(second + 1), Base64Alphabet::Url);
    if (!signature || signature->empty()) return JwtFailure::Malformed;
    if (!key.verify(token.substr(0, second), *signature)) return JwtFailure::BadSignature;
    auto claims = json_object_part(token.substr(first + 1, second - first - 1));
    if (!claims) return JwtFailure::Malformed;
    return std::move(*claims);
}

}  // namespace logicmock
