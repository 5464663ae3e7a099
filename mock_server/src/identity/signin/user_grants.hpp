#pragma once
// The token endpoint's grants that give a user's tokens: authorization_code (with the PKCE
// code_verifier, once, within ten minutes), refresh_token, and the device code
// (urn:ietf:params:oauth:grant-type:device_code, RFC 8628 §3.4). Answers carry access_token,
// refresh_token, id_token (for openid) and client_info, as MSAL reads them.

#include <string>
#include <string_view>

#include "identity/protocol/identity_routes.hpp"
#include "identity/requests/form_body.hpp"
#include "identity/requests/identity_request.hpp"

namespace logicmock {

inline constexpr std::string_view kDeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";

bool is_user_grant(std::string_view grant_type);

// `tenant` is null for the common and organizations authorities. The client id and secret come
// from the body or HTTP Basic.
Response serve_user_grant(const IdentityRequest& in, const IdentityRoute& route,
                          const TenantRecord* tenant, const FormBody& form,
                          const std::string& client_id, const std::string& client_secret);

}  // namespace logicmock
