#include "identity/endpoints/token_endpoint.hpp"

#include <nlohmann/json.hpp>

#include "identity/directory/directory.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "identity/requests/form_body.hpp"
#include "identity/requests/scope.hpp"
#include "identity/signin/user_grants.hpp"
#include "identity/tokens/token_issuer.hpp"
#include "logicmock/http_headers.hpp"
#include "util/base64.hpp"

namespace logicmock {
namespace {

struct Credentials {
    std::string client_id;
    std::string secret;
    std::string invalid;  // a parameter sent both in Basic auth and the body, or broken Basic
};

// client_id and client_secret from the body, or from "Authorization: Basic" (RFC 6749 §2.3.1:
// each form-urlencoded, joined by ':', base64).
Credentials credentials_of(const Request& request, const FormBody& form) {
    Credentials c;
    if (const auto* id = form.get("client_id")) c.client_id = *id;
    if (const auto* secret = form.get("client_secret")) c.secret = *secret;
    auto header = request.headers.get("Authorization");
    if (!header || header->size() < 6 || !iequals(header->substr(0, 6), "Basic ")) return c;
    auto decoded = base64_decode(header->substr(6), Base64Alphabet::Standard);
    const auto colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) {
        c.invalid = "Authorization";
        return c;
    }
    FormBody basic = parse_form_body("client_id=" + decoded->substr(0, colon) +
                                     "&client_secret=" + decoded->substr(colon + 1));
    if (!basic.invalid.empty()) {
        c.invalid = "Authorization";
        return c;
    }
    const std::string* id = basic.get("client_id");
    const std::string* secret = basic.get("client_secret");
    if (id && !c.client_id.empty() && !iequals(*id, c.client_id)) c.invalid = "client_id";
    if (secret && !c.secret.empty()) c.invalid = "client_secret";
    if (id && c.client_id.empty()) c.client_id = *id;
    if (secret && c.secret.empty()) c.secret = *secret;
    return c;
}

Response token_answer(const IdentityRequest& in, const IssuedToken& token, bool v1_shape,
                      const std::string& resource) {
    nlohmann::ordered_json body;
    body["token_type"] = "Bearer";
    if (v1_shape) {
        // The v1 endpoint's answer carries its numbers as strings (docs/signing-in.md).
        body["expires_in"] = std::to_string(token.expires_in);
        body["ext_expires_in"] = std::to_string(token.expires_in);
        body["expires_on"] = std::to_string(token.expires_on);
        body["not_before"] = std::to_string(token.not_before);
        body["resource"] = resource;
    } else {
        body["expires_in"] = token.expires_in;
        body["ext_expires_in"] = token.expires_in;
    }
    body["access_token"] = token.access_token;
    return entra_json(in, body.dump());
}

}  // namespace

Response serve_token(const IdentityRequest& in, const IdentityRoute& route) {
    const Request& request = in.request;
    auto error = [&](EntraErrorId id, std::initializer_list<std::string_view> args = {}) {
        return entra_error(id, args, request, in.now);
    };
    auto read = read_entra_form(in, route);
    if (auto* refused = std::get_if<Response>(&read)) return std::move(*refused);
    const auto& [tenant, form] = std::get<EntraForm>(read);

    const std::string* grant = form.get("grant_type");
    if (!grant) return error(EntraErrorId::MissingParameter, {"grant_type"});
    const bool user_grant = is_user_grant(*grant);
    if (!user_grant && *grant != "client_credentials") {
        return error(EntraErrorId::UnsupportedGrantType, {*grant});
    }
    const Credentials credentials = credentials_of(request, form);
    if (!credentials.invalid.empty()) {
        return error(EntraErrorId::InvalidParameter, {credentials.invalid});
    }
    if (user_grant) {
        return serve_user_grant(in, route, tenant ? &*tenant : nullptr, form, credentials.client_id,
                                credentials.secret);
    }
    if (!tenant) return error(EntraErrorId::UnknownTenant, {route.tenant});
    if (credentials.client_id.empty()) return error(EntraErrorId::MissingParameter, {"client_id"});
    auto principal = find_principal(*tenant, credentials.client_id, in.options.identity);
    if (!principal) {
        return error(EntraErrorId::UnknownApplication,
                     {credentials.client_id, directory_name(&*tenant, route.tenant)});
    }
    if (credentials.secret.empty()) return error(EntraErrorId::MissingClientSecret);
    if (!secret_matches(*principal, credentials.secret, in.options.identity)) {
        return error(EntraErrorId::InvalidClientSecret, {principal->client_id});
    }

    // v2 takes a scope; v1 a resource; the ADFS endpoint either (the CLI sends a scope there).
    const bool adfs = iequals(route.tenant, "adfs");
    const std::string* scope = form.get("scope");
    const std::string* resource = form.get("resource");
    std::string audience;
    bool v1_shape = false;
    if (route.endpoint == IdentityEndpoint::TokenV2 || (adfs && scope)) {
        if (!scope) {
            if (resource) return error(EntraErrorId::ResourceNotSupported);
            return error(EntraErrorId::MissingParameter, {"scope"});
        }
        auto aud = audience_of_scope(*scope);
        if (!aud) return error(EntraErrorId::InvalidScope, {*scope});
        audience = *aud;
    } else {
        if (!resource) return error(EntraErrorId::MissingParameter, {"resource"});
        if (!valid_resource(*resource)) return error(EntraErrorId::InvalidScope, {*resource});
        audience = *resource;
        v1_shape = true;
    }
    const IssuedToken token = issue_token(in.key, tenant->tenant_id, *principal, audience,
                                          in.options.token_lifetime_s, in.now);
    return token_answer(in, token, v1_shape, audience);
}

}  // namespace logicmock
