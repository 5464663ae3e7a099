#pragma once
// App Service managed identity: GET {IDENTITY_ENDPOINT}?api-version=2019-08-01&resource=R with
// X-IDENTITY-HEADER: {IDENTITY_HEADER} (docs/signing-in.md). IDENTITY_ENDPOINT is this server's
// /msi/token; the header must equal --identity-header. client_id, principal_id / object_id pick a
// seeded service principal; without them the first tenant's first principal answers.

#include "identity/requests/identity_request.hpp"

namespace logicmock {

Response serve_managed_identity(const IdentityRequest& in);

// The principal a managed identity request names (by "client_id", "object_id" or
// "principal_id"; by "" the first tenant's first), or none.
struct ManagedIdentityPick {
    std::string tenant_id;
    ServicePrincipalRecord principal;
};
std::optional<ManagedIdentityPick> pick_managed_identity(const IdentityRequest& in,
                                                         const std::string& by,
                                                         const std::string& id);

}  // namespace logicmock
