#pragma once
// Which fake Entra ID endpoint a request is for. Only these patterns are identity requests;
// every other path (ARM's /subscriptions, /providers, /tenants, /metadata, the runtime's
// /workflows, the admin /_mock) goes on to its own pipeline untouched.

#include <optional>
#include <string>
#include <string_view>

#include "protocol/request_target.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

enum class IdentityEndpoint {
    DiscoveryV2,      // GET /{tenant}/v2.0/.well-known/openid-configuration
    DiscoveryV1,      // GET /{tenant}/.well-known/openid-configuration (and /adfs/...)
    TokenV2,          // /{tenant}/oauth2/v2.0/token
    TokenV1,          // /{tenant}/oauth2/token (and /adfs/oauth2/token)
    Keys,             // GET /{tenant}/discovery/v2.0/keys, /{tenant}/discovery/keys
    ManagedIdentity,  // GET /msi/token (App Service IDENTITY_ENDPOINT)
};

struct IdentityRoute {
    IdentityEndpoint endpoint;
    std::string tenant;             // the {tenant} path segment as sent; "" for /msi/token
    std::string_view operation_id;  // journal and fault rules: Entra_Token, Entra_Discovery, ...
};

inline constexpr std::string_view kManagedIdentityPath = "/msi/token";

std::optional<IdentityRoute> match_identity_route(const RequestTarget& target);

// The route the fault stage and the journal see for an identity request: its operation id
// (Entra_Token, ...) and method; no path names. Fault rules match it by "operation".
const RouteSpec& identity_route_spec(const IdentityRoute& route);

}  // namespace logicmock
