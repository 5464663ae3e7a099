#include "arm/authentication.hpp"

#include <openssl/crypto.h>

#include <array>
#include <nlohmann/json.hpp>

#include "identity/directory/directory.hpp"
#include "identity/directory/sign_in_client.hpp"
#include "identity/requests/base_url.hpp"
#include "identity/tokens/token_issuer.hpp"
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

std::optional<ArmError> check_audience(const std::string& audience, const AuthInput* entra) {
    for (auto allowed : kManagementAudiences) {
        if (audience == allowed) return std::nullopt;
    }
    // @azure/arm-logic asks for "{endpoint}/.default" (docs/signing-in.md): this server's own URL.
    if (entra) {
        std::string_view aud = audience;
        if (!aud.empty() && aud.back() == '/') aud.remove_suffix(1);
        for (const std::string& self :
             {request_base_url(entra->request, entra->options), entra->options.self_base_url,
              entra->options.self_https_base_url}) {
            if (!self.empty() && iequals(aud, self)) return std::nullopt;
        }
    }
    return make_error(ErrorId::InvalidAuthenticationTokenAudience, {audience});
}

std::optional<ArmError> check_expiry(std::int64_t exp, SystemTime now) {
    auto expiry = SystemTime(std::chrono::seconds(exp));
    if (expiry < now) {
        return make_error(ErrorId::ExpiredAuthenticationToken,
                          {arm_expiry_time(expiry), arm_expiry_time(now)});
    }
    return std::nullopt;
}

// --auth entra: our signature and issuer (cached), then per request: times, audience, that the
// principal still exists and that its tenant owns the subscription.
std::optional<ArmError> check_entra(std::string_view token, const AuthInput& in) {
    auto verified = in.identity.verify(token);
    if (!verified) return make_error(ErrorId::InvalidAuthenticationToken);
    // ARM allows five minutes of clock skew on nbf [inferred].
    const auto nbf = SystemTime(std::chrono::seconds(verified->not_before));
    if (nbf > in.now + std::chrono::minutes(5)) {
        return make_error(ErrorId::InvalidAuthenticationToken);
    }
    if (auto e = check_expiry(verified->expires, in.now)) return e;
    if (auto e = check_audience(verified->audience, &in)) return e;
    auto tenant = in.store.find_tenant(verified->tenant_id);
    if (verified->user) {
        // A user token: the user still exists and the client is one users may sign in to.
        if (!tenant ||
            !user_exists(*tenant, verified->object_id, verified->user_principal_name,
                         in.options.identity) ||
            !find_sign_in_client(in.store, &*tenant, verified->app_id, in.options.identity)) {
            return make_error(ErrorId::InvalidAuthenticationToken);
        }
    } else {
        auto principal =
            tenant ? find_principal(*tenant, verified->app_id, in.options.identity) : std::nullopt;
        if (!principal || !iequals(principal->object_id, verified->object_id)) {
            return make_error(ErrorId::InvalidAuthenticationToken);
        }
    }
    in.principal =
        principal_from_claims({{"oid", verified->object_id}, {"appid", verified->app_id}});
    if (in.subscription_id.empty()) return std::nullopt;
    auto subscription = in.store.find_subscription(std::string(in.subscription_id));
    if (subscription && !subscription->tenant_id.empty() &&
        !iequals(subscription->tenant_id, verified->tenant_id)) {
        return make_error(ErrorId::InvalidAuthenticationTokenTenant,
                          {v1_issuer(verified->tenant_id), v1_issuer(subscription->tenant_id),
                           "https://login.windows.net/" + subscription->tenant_id});
    }
    return std::nullopt;
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
    if (auto e = check_expiry(exp->get<std::int64_t>(), now)) return e;
    auto aud = claims->find("aud");
    std::string audience =
        (aud != claims->end() && aud->is_string()) ? aud->get<std::string>() : "";
    if (auto e = check_audience(audience, nullptr)) return e;
    principal = principal_from_claims(*claims);
    return std::nullopt;
}

}  // namespace

std::optional<ArmError> authenticate(const AuthInput& in) {
    const ServiceOptions& options = in.options;
    auto header = in.request.headers.get("Authorization");
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
            return check_jwt(token, in.now, in.principal);
        case AuthPolicy::Entra:
            return check_entra(token, in);
    }
    return make_error(ErrorId::InvalidAuthenticationToken);
}

}  // namespace logicmock
