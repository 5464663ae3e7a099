#pragma once
// POST /{tenant}/oauth2/v2.0/token, /{tenant}/oauth2/token and /adfs/oauth2/token: the
// client-credentials grant with a client secret (form body or HTTP Basic), checked in Entra's
// order: tenant, grant_type, client_id, application, secret, scope (or resource). The user
// grants (authorization_code, refresh_token, device code) are user_grants.cpp's.

#include <optional>
#include <variant>

#include "identity/form_body.hpp"
#include "identity/identity_request.hpp"
#include "identity/identity_routes.hpp"

namespace logicmock {

// Token request bodies above this are refused (AADSTS90100) before they are parsed.
inline constexpr std::size_t kMaxTokenRequestBytes = 64 * 1024;

// What the token and device code endpoints read first, in Entra's order: POST only, the route's
// tenant (none for common and organizations, which only a user can resolve), a body within
// kMaxTokenRequestBytes, then the form (a body of another media type has no parameters).
struct EntraForm {
    std::optional<TenantRecord> tenant;
    FormBody form;
};
std::variant<EntraForm, Response> read_entra_form(const IdentityRequest& in,
                                                  const IdentityRoute& route);

Response serve_token(const IdentityRequest& in, const IdentityRoute& route);

}  // namespace logicmock
