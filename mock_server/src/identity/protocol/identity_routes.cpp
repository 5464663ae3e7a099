#include "identity/protocol/identity_routes.hpp"

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
        return IdentityRoute{IdentityEndpoint::ManagedIdentity, "", "EntraManagedIdentity"};
    }
    if (s.size() == 1 && iequals(s[0], "devicelogin")) {
        return IdentityRoute{IdentityEndpoint::DeviceLogin, "", "EntraDeviceLogin"};
    }
    for (auto reserved : kReserved) {
        if (iequals(s[0], reserved)) return std::nullopt;
    }
    const std::string& tenant = s[0];
    if (is(s, {"v2.0", ".well-known", "openid-configuration"})) {
        return IdentityRoute{IdentityEndpoint::DiscoveryV2, tenant, "EntraDiscovery"};
    }
    if (is(s, {".well-known", "openid-configuration"})) {
        return IdentityRoute{IdentityEndpoint::DiscoveryV1, tenant, "EntraDiscovery"};
    }
    if (is(s, {"oauth2", "v2.0", "token"})) {
        return IdentityRoute{IdentityEndpoint::TokenV2, tenant, "EntraToken"};
    }
    if (is(s, {"oauth2", "token"})) {
        return IdentityRoute{IdentityEndpoint::TokenV1, tenant, "EntraToken"};
    }
    if (is(s, {"oauth2", "v2.0", "authorize"})) {
        return IdentityRoute{IdentityEndpoint::AuthorizeV2, tenant, "EntraAuthorize"};
    }
    if (is(s, {"oauth2", "authorize"})) {
        return IdentityRoute{IdentityEndpoint::AuthorizeV1, tenant, "EntraAuthorize"};
    }
    if (is(s, {"oauth2", "v2.0", "devicecode"})) {
        return IdentityRoute{IdentityEndpoint::DeviceCodeV2, tenant, "EntraDeviceCode"};
    }
    if (is(s, {"oauth2", "devicecode"})) {
        return IdentityRoute{IdentityEndpoint::DeviceCodeV1, tenant, "EntraDeviceCode"};
    }
    if (is(s, {"discovery", "instance"})) {
        return IdentityRoute{IdentityEndpoint::InstanceDiscovery, tenant, "EntraDiscovery"};
    }
    if (is(s, {"discovery", "v2.0", "keys"}) || is(s, {"discovery", "keys"})) {
        return IdentityRoute{IdentityEndpoint::Keys, tenant, "EntraKeys"};
    }
    return std::nullopt;
}

IdentityRoute match_imds_route(const RequestTarget& target) {
    const auto& s = target.segments;
    if (s.size() == 4 && s[0] == "metadata" && s[1] == "identity" && s[2] == "oauth2" &&
        s[3] == "token") {
        return IdentityRoute{IdentityEndpoint::ImdsToken, "", "ImdsToken"};
    }
    return IdentityRoute{IdentityEndpoint::ImdsOther, "", "ImdsMetadata"};
}

const RouteSpec& identity_route_spec(const IdentityRoute& route) {
    // Operation is ARM's vocabulary and never runs for these; the fault stage reads only
    // operation_id and method.
    static const RouteSpec discovery{
        Operation::ListWorkflows, "EntraDiscovery", "GET", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec keys{
        Operation::ListWorkflows, "EntraKeys", "GET", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec token{
        Operation::ListWorkflows, "EntraToken", "POST", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec authorize{
        Operation::ListWorkflows, "EntraAuthorize", "GET", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec device_code{
        Operation::ListWorkflows, "EntraDeviceCode", "POST", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec device_login{
        Operation::ListWorkflows, "EntraDeviceLogin", "GET", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    static const RouteSpec managed{
        Operation::ListWorkflows, "EntraManagedIdentity", "GET", {}, BodyRule::None, std::nullopt,
        RouteScope::ResourceGroup};
    switch (route.endpoint) {
        case IdentityEndpoint::DiscoveryV2:
        case IdentityEndpoint::DiscoveryV1:
        case IdentityEndpoint::InstanceDiscovery:
            return discovery;
        case IdentityEndpoint::Keys:
            return keys;
        case IdentityEndpoint::TokenV2:
        case IdentityEndpoint::TokenV1:
            return token;
        case IdentityEndpoint::AuthorizeV2:
        case IdentityEndpoint::AuthorizeV1:
            return authorize;
        case IdentityEndpoint::DeviceCodeV2:
        case IdentityEndpoint::DeviceCodeV1:
            return device_code;
        case IdentityEndpoint::DeviceLogin:
            return device_login;
        case IdentityEndpoint::ManagedIdentity:
        case IdentityEndpoint::ImdsToken:
        case IdentityEndpoint::ImdsOther:
            break;
    }
    return managed;
}

}  // namespace logicmock
