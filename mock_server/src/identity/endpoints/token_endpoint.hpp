#pragma once
// POST /{tenant}/oauth2/v2.0/token, /{tenant}/oauth2/token and /adfs/oauth2/token: the
// client-credentials grant with a client secret (form body or HTTP Basic), checked in Entra's
// order: tenant, grant_type, client_id, application, secret, scope (or resource). The user
// grants (authorization_code, refresh_token, device code) are user_grants.cpp's.

#include "identity/protocol/identity_routes.hpp"
#include "identity/requests/identity_request.hpp"

namespace logicmock {

Response serve_token(const IdentityRequest& in, const IdentityRoute& route);

}  // namespace logicmock
