#pragma once
// OIDC discovery documents and the JWKS. Every URL in them points back at this server.

#include "identity/protocol/identity_routes.hpp"
#include "identity/requests/identity_request.hpp"

namespace logicmock {

Response serve_discovery(const IdentityRequest& in, const IdentityRoute& route);
Response serve_keys(const IdentityRequest& in, const IdentityRoute& route);
// GET /common/discovery/instance?api-version=1.1&authorization_endpoint=...: MSAL's instance
// discovery, with the public cloud's aliases as Entra answers it (docs/proxy.md).
Response serve_instance_discovery(const IdentityRequest& in);

}  // namespace logicmock
