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
    DiscoveryV2,        // GET /{tenant}/v2.0/.well-known/openid-configuration
    DiscoveryV1,        // GET /{tenant}/.well-known/openid-configuration (and /adfs/...)
    TokenV2,            // /{tenant}/oauth2/v2.0/token
    TokenV1,            // /{tenant}/oauth2/token (and /adfs/oauth2/token)
    Keys,               // GET /{tenant}/discovery/v2.0/keys, /{tenant}/discovery/keys
    ManagedIdentity,    // GET /msi/token (App Service IDENTITY_ENDPOINT)
    AuthorizeV2,        // GET|POST /{tenant}/oauth2/v2.0/authorize: the sign-in page
    AuthorizeV1,        // GET|POST /{tenant}/oauth2/authorize
    DeviceCodeV2,       // POST /{tenant}/oauth2/v2.0/devicecode
    DeviceCodeV1,       // POST /{tenant}/oauth2/devicecode (and /adfs/oauth2/devicecode)
    DeviceLogin,        // GET|POST /devicelogin: where the user enters a device code
    InstanceDiscovery,  // GET /{tenant}/discovery/instance (MSAL's, under common)
    ImdsToken,          // IMDS: GET /metadata/identity/oauth2/token (169.254.169.254 only)
    ImdsOther,          // IMDS: any other path, e.g. region discovery's /metadata/instance
};

struct IdentityRoute {
    IdentityEndpoint endpoint;
    std::string tenant;             // the {tenant} path segment as sent; "" for /msi/token
    std::string_view operation_id;  // journal and fault rules: EntraToken, EntraDiscovery, ...
};

inline constexpr std::string_view kManagedIdentityPath = "/msi/token";
inline constexpr std::string_view kDeviceLoginPath = "/devicelogin";

std::optional<IdentityRoute> match_identity_route(const RequestTarget& target);
// The IMDS host's routes (every path there is IMDS's).
IdentityRoute match_imds_route(const RequestTarget& target);

// The route the fault stage and the journal see for an identity request: its operation id
// (EntraToken, ...) and method; no path names. Fault rules match it by "operation".
const RouteSpec& identity_route_spec(const IdentityRoute& route);

}  // namespace logicmock
