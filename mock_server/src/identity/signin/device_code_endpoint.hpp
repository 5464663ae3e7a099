#pragma once
// The device code flow (RFC 8628): POST /{tenant}/oauth2/v2.0/devicecode (and v1) hands out a
// device code and a user code; GET|POST /devicelogin is the verification_uri, a page where the
// user enters the user code, user name and password. The token endpoint's device_code grant
// (user_grants.cpp) then answers authorization_pending until the user has signed in.

#include "identity/protocol/identity_routes.hpp"
#include "identity/requests/identity_request.hpp"

namespace logicmock {

// Entra's polling interval and the code's lifetime, in seconds.
inline constexpr int kDeviceCodeInterval = 5;

Response serve_device_code(const IdentityRequest& in, const IdentityRoute& route);
Response serve_device_login(const IdentityRequest& in);

}  // namespace logicmock
