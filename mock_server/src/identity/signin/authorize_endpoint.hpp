#pragma once
// GET|POST /{tenant}/oauth2/v2.0/authorize and /{tenant}/oauth2/authorize: the sign-in page
// (docs/signing-in.md). GET shows it; its form posts back here with the request's
// parameters, a flowToken, the user name and password. Then a 302 to redirect_uri: an
// authorization code (query), or for the implicit flow an access token and/or id token
// (fragment). Client and redirect URI are checked before anything else; until both are valid,
// errors are shown on the page and nothing is ever redirected.

#include "identity/protocol/identity_routes.hpp"
#include "identity/requests/identity_request.hpp"

namespace logicmock {

Response serve_authorize(const IdentityRequest& in, const IdentityRoute& route);

}  // namespace logicmock
