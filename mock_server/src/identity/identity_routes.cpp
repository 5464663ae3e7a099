#include "identity/identity_routes.hpp"

#include <array>
#include <vector>

#include "logicmock/http_headers.hpp"

namespace logicmock {
namespace {

// First segments that belong to ARM, the runtime or the admin API; never a tenant.
constexpr std::array<std::string_view, 6> kReserved{"subscriptions", "providers", "tenants",
                                                    "metadata",      "_mock",     "workflows"};

bool is(const std::vector<std::string>& s, std::initializer_list<std::string_view> tail) {
    if (s.size() != tail.size() + 1) return false;
    std::size_t i = 1;
    for (auto part : tail) {
        if (!iequals(s[i++], part)) return false;
    }
    return true;
}

}  // namespace

std::optional<IdentityRoute> match_identity_route(const RequestTarget& target) {
    const auto& s = target.segments;
    if (s.empty()) return std::nullopt;
    if (s.size() == 2 && iequals(s[0], "msi") && iequals(s[1], "token")) {
        return IdentityRoute{IdentityEndpoint::ManagedIdentity, "", "Entra_ManagedIdentity"};
    }
    for (auto reserved : kReserved) {
        if (iequals(s[0], reserved)) return std::nullopt;
    }
    const std::string& tenant = s[0];
    if (is(s, {"v2.0", ".well-known", "openid-configuration"})) {
        return IdentityRoute{IdentityEndpoint::DiscoveryV2, tenant, "Entra_Discovery"};
    }
    if (is(s, {".well-known", "openid-configuration"})) {
        return IdentityRoute{IdentityEndpoint::DiscoveryV1, tenant, "Entra_Discovery"};
    }
    if (is(s, {"oauth2", "v2.0", "token"})) {
        return IdentityRoute{IdentityEndpoint::TokenV2, tenant, "Entra_Token"};
    }
    if (is(s, {"oauth2", "token"})) {
        return IdentityRoute{IdentityEndpoint::TokenV1, tenant, "Entra_Token"};
    }
    if (is(s, {"discovery", "v2.0", "keys"}) || is(s, {"discovery", "keys"})) {
        return IdentityRoute{IdentityEndpoint::Keys, tenant, "Entra_Keys"};
    }
    return std::nullopt;
}

const RouteSpec& identity_route_spec(const IdentityRoute& route) {
    // Operation is ARM's vocabulary and never runs for these; the fault stage reads only
    // operation_id and method.
    static const RouteSpec discovery{
        Operation::ListWorkflows, "Entra_Discovery", "GET", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec keys{
        Operation::ListWorkflows, "Entra_Keys", "GET", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec token{
        Operation::ListWorkflows, "Entra_Token", "POST", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec managed{
        Operation::ListWorkflows, "Entra_ManagedIdentity", "GET", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    switch (route.endpoint) {
        case IdentityEndpoint::DiscoveryV2:
        case IdentityEndpoint::DiscoveryV1:
            return discovery;
        case IdentityEndpoint::Keys:
            return keys;
        case IdentityEndpoint::TokenV2:
        case IdentityEndpoint::TokenV1:
            return token;
        case IdentityEndpoint::ManagedIdentity:
            break;
    }
    return managed;
}

}  // namespace logicmock
