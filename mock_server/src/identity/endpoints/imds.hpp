#pragma once
// Azure's Instance Metadata Service as the proxy serves it at http://169.254.169.254
// (docs/proxy.md): managed identity tokens at /metadata/identity/oauth2/token, asked with
// "Metadata: true" (a request without it, as SDKs send to probe, gets IMDS's 400), and every
// other metadata path answered as a machine with no region (404), so region discovery finds none.

#include "identity/protocol/identity_routes.hpp"
#include "identity/requests/identity_request.hpp"

namespace logicmock {

Response serve_imds(const IdentityRequest& in, const IdentityRoute& route);

}  // namespace logicmock
