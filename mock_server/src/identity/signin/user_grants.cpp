#include "identity/signin/user_grants.hpp"

#include <openssl/sha.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "identity/directory/directory.hpp"
#include "identity/directory/sign_in_client.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "identity/requests/scope.hpp"
#include "identity/tokens/token_issuer.hpp"
#include "logicmock/http_headers.hpp"
#include "util/base64.hpp"

namespace logicmock {
namespace {

std::string s256(std::string_view verifier) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
    return base64_encode(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest),
                         Base64Alphabet::Url, false);
}

// The scope the answer names: the resource scopes asked for (what MSAL caches the token
// under), else the whole scope.
std::string answered_scope(const std::string& scope) {
    std::istringstream words{scope};
    std::string word;
    std::string out;
    while (words >> word) {
        if (is_oidc_scope(word)) continue;
        out += (out.empty() ? "" : " ") + word;
    }
    return out.empty() ? scope : out;
}

Response user_tokens(const IdentityRequest& in, const IdentityRoute& route, const UserGrant& g) {
    const IssuedToken token = issue_user_token(in.key, g.user, g.client_id, g.audience,
                                               in.options.token_lifetime_s, in.now);
    nlohmann::ordered_json body;
    body["token_type"] = "Bearer";
    body["scope"] = answered_scope(g.scope);
    body["expires_in"] = token.expires_in;
    body["ext_expires_in"] = token.expires_in;
    body["access_token"] = token.access_token;
    body["refresh_token"] = issue_refresh_token(in.key, g.user, g.client_id, g.scope, in.now);
    if (g.openid) {
        body["id_token"] = issue_id_token(in.key, g.user, g.client_id,
                                          id_token_issuer(in.base_url, route, g.user.tenant_id),
                                          g.nonce, in.options.token_lifetime_s, in.now);
    }
    body["client_info"] = client_info_of(g.user);
    return entra_json(in, body.dump());
}

}  // namespace

bool is_user_grant(std::string_view grant_type) {
    return grant_type == "authorization_code" || grant_type == "refresh_token" ||
           grant_type == kDeviceCodeGrant;
}

Response serve_user_grant(const IdentityRequest& in, const IdentityRoute& route,
                          const TenantRecord* tenant, const FormBody& form,
                          const std::string& client_id, const std::string& client_secret) {
    auto error = [&](EntraErrorId id, std::initializer_list<std::string_view> args = {}) {
        return entra_error(id, args, in.request, in.now);
    };
    const std::string grant_type = form.value("grant_type");
    if (client_id.empty()) return error(EntraErrorId::MissingParameter, {"client_id"});
    auto client = find_sign_in_client(in.store, tenant, client_id, in.options.identity);
    if (!client) {
        return error(EntraErrorId::UnknownApplication,
                     {client_id, directory_name(tenant, route.tenant)});
    }
    if (!client->public_client) {
        // A confidential application proves itself with its secret, as for client credentials.
        std::optional<ServicePrincipalRecord> principal;
        for (const auto& each : tenant ? std::vector<TenantRecord>{*tenant} : in.store.tenants()) {
            if ((principal = find_principal(each, client_id, in.options.identity))) break;
        }
        if (client_secret.empty()) return error(EntraErrorId::MissingClientSecret);
        if (!principal || !secret_matches(*principal, client_secret, in.options.identity)) {
            return error(EntraErrorId::InvalidClientSecret, {client->client_id});
        }
    }
    // A grant for a tenant the URL names must be that tenant's.
    auto wrong_tenant = [&](const SignedInUser& user) {
        return tenant && !iequals(tenant->tenant_id, user.tenant_id);
    };

    if (grant_type == "authorization_code") {
        const std::string code = form.value("code");
        if (code.empty()) return error(EntraErrorId::MissingParameter, {"code"});
        auto redeemed = in.grants.redeem_code(code, in.now);
        if (auto* failure = std::get_if<GrantFailure>(&redeemed)) {
            if (*failure == GrantFailure::Redeemed) return error(EntraErrorId::CodeRedeemed);
            if (*failure == GrantFailure::Expired) return error(EntraErrorId::CodeExpired);
            return error(EntraErrorId::InvalidCode);
        }
        const AuthorizationCode& issued = std::get<AuthorizationCode>(redeemed);
        if (!iequals(issued.grant.client_id, client->client_id) ||
            wrong_tenant(issued.grant.user)) {
            return error(EntraErrorId::InvalidCode);
        }
        const std::string redirect = form.value("redirect_uri");
        if (redirect.empty()) return error(EntraErrorId::MissingParameter, {"redirect_uri"});
        if (redirect != issued.redirect_uri) {
            return error(EntraErrorId::RedirectUriMismatch, {redirect, client->client_id});
        }
        if (!issued.code_challenge.empty()) {
            const std::string verifier = form.value("code_verifier");
            if (verifier.empty()) return error(EntraErrorId::MissingParameter, {"code_verifier"});
            if (verifier.size() > 128 || s256(verifier) != issued.code_challenge) {
                return error(EntraErrorId::CodeVerifierMismatch);
            }
        }
        return user_tokens(in, route, issued.grant);
    }

    if (grant_type == "refresh_token") {
        const std::string token = form.value("refresh_token");
        if (token.empty()) return error(EntraErrorId::MissingParameter, {"refresh_token"});
        auto refresh = read_refresh_token(in.key, token);
        if (!refresh || !iequals(refresh->client_id, client->client_id) ||
            wrong_tenant(refresh->user)) {
            return error(EntraErrorId::MalformedGrant);
        }
        const auto expires = SystemTime(std::chrono::seconds(refresh->expires));
        if (expires < in.now) return error(EntraErrorId::CodeExpired);
        auto home = in.store.find_tenant(refresh->user.tenant_id);
        if (!home || !user_exists(*home, refresh->user.object_id, refresh->user.user_principal_name,
                                  in.options.identity)) {
            return error(EntraErrorId::MalformedGrant);
        }
        const std::string asked = form.value("scope");
        const std::string scope = asked.empty() ? refresh->scope : asked;
        auto parsed = parse_user_scope(scope);
        if (!parsed) return error(EntraErrorId::InvalidScope, {scope});
        const std::string audience =
            parsed->audience.empty() ? std::string(kDefaultUserAudience) : parsed->audience;
        return user_tokens(
            in, route,
            UserGrant{refresh->user, client->client_id, scope, audience, "", parsed->openid});
    }

    const std::string device_code = form.value("device_code");
    if (device_code.empty()) return error(EntraErrorId::MissingParameter, {"device_code"});
    auto polled = in.grants.poll_device_code(device_code, in.now);
    if (auto* failure = std::get_if<GrantFailure>(&polled)) {
        switch (*failure) {
            case GrantFailure::Pending:
                return error(EntraErrorId::AuthorizationPending);
            case GrantFailure::Expired:
                return error(EntraErrorId::DeviceCodeExpired);
            case GrantFailure::Redeemed:
                return error(EntraErrorId::CodeRedeemed);
            case GrantFailure::Unknown:
                break;
        }
        return error(EntraErrorId::MalformedGrant);
    }
    const UserGrant& grant = std::get<UserGrant>(polled);
    if (!iequals(grant.client_id, client->client_id) || wrong_tenant(grant.user)) {
        return error(EntraErrorId::MalformedGrant);
    }
    return user_tokens(in, route, grant);
}

}  // namespace logicmock
