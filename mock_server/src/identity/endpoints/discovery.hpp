#pragma once
// OIDC discovery documents and the JWKS. Every URL in them points back at this server.

#include "identity/protocol/identity_routes.hpp"
#include "identity/requests/identity_request.hpp"

namespace logicmock {

Response serve_discovery(const IdentityRequest& in, const IdentityRoute& route);
Response serve_keys(const IdentityRequest& in, const IdentityRoute& route);

}  // namespace logicmock
