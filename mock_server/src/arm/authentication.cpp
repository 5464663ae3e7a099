#include "arm/authentication.hpp"

#include <openssl/crypto.h>

#include <array>
#include <nlohmann/json.hpp>

#include "logicmock/json_text.hpp"
#include "util/base64.hpp"

namespace logicmock {
namespace {

constexpr std::array<std::string_view, 4> kManagementAudiences{
    "https://management.core.windows.net/", "https://management.core.windows.net",
    "https://management.azure.com/", "https://management.azure.com"};

ArmError missing_header() {
    ArmError e = make_error(ErrorId::AuthenticationFailed);
    e.extra_headers.set("WWW-Authenticate",
                        "Bearer authorization_uri=\"https://login.windows.net/\", "
                        "error=\"invalid_token\", error_description=\"The authentication failed "
                        "because of missing 'Authorization' header.\"");
    return e;
}

std::optional<ArmError> check_jwt(std::string_view token, SystemTime now,
                                  CallerPrincipal& principal) {
    auto first = token.find('.');
    auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
    if (second == std::string_view::npos) return make_error(ErrorId::InvalidAuthenticationToken);
    auto payload = base64_decode(token.substr(first + 1, second - first - 1), Base64Alphabet::Url);
    if (!payload) return make_error(ErrorId::InvalidAuthenticationToken);
    auto parsed = parse_json(*payload, 8);
    auto* claims = std::get_if<nlohmann::json>(&parsed);
    if (!claims || !claims->is_object()) return make_error(ErrorId::InvalidAuthenticationToken);

    auto exp = claims->find("exp");
    if (exp == claims->end() || !exp->is_number()) {
        return make_error(ErrorId::InvalidAuthenticationToken);
    }
    auto expiry = SystemTime(std::chrono::seconds(exp->get<std::int64_t>()));
    if (expiry < now) {
        return make_error(ErrorId::ExpiredAuthenticationToken,
                          {arm_expiry_time(expiry), arm_expiry_time(now)});
    }
    auto aud = claims->find("aud");
    std::string audience =
        (aud != claims->end() && aud->is_string()) ? aud->get<std::string>() : "";
    for (auto allowed : kManagementAudiences) {
        if (audience == allowed) {
            principal = principal_from_claims(*claims);
            return std::nullopt;
        }
    }
    return make_error(ErrorId::InvalidAuthenticationTokenAudience, {audience});
}

}  // namespace

std::optional<ArmError> authenticate(const Headers& headers, const ServiceOptions& options,
                                     SystemTime now, CallerPrincipal& principal) {
    auto header = headers.get("Authorization");
    if (!header) return missing_header();
    constexpr std::string_view kScheme = "Bearer ";
    if (header->size() <= kScheme.size() || !iequals(header->substr(0, kScheme.size()), kScheme)) {
        return make_error(ErrorId::AuthenticationFailedInvalidHeader);
    }
    std::string_view token = header->substr(kScheme.size());
    while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
    if (token.empty() || token.find(' ') != std::string_view::npos) {
        return make_error(ErrorId::AuthenticationFailedInvalidHeader);
    }
    switch (options.auth) {
        case AuthPolicy::Any:
            return std::nullopt;
        case AuthPolicy::Static:
            if (token.size() == options.static_token.size() &&
                CRYPTO_memcmp(token.data(), options.static_token.data(), token.size()) == 0) {
                return std::nullopt;
            }
            return make_error(ErrorId::InvalidAuthenticationToken);
        case AuthPolicy::Jwt:
            return check_jwt(token, now, principal);
    }
    return make_error(ErrorId::InvalidAuthenticationToken);
}

}  // namespace logicmock
