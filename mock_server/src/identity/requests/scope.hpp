#pragma once
// What a token request's scope (v2) or resource (v1) names: the access token's audience.

#include <optional>
#include <string>
#include <string_view>

namespace logicmock {

// openid, profile, email or offline_access: scopes of the sign-in itself, not of a resource.
bool is_oidc_scope(std::string_view word);

// The audience of a user token that names no resource: ARM's, since ARM is what this server
// serves [assumption].
inline constexpr std::string_view kDefaultUserAudience = "https://management.core.windows.net/";

// A resource a token can be for: an absolute http(s) URI or an application id (GUID).
bool valid_resource(std::string_view resource);

// The audience of a client-credentials scope ("{resource}/.default"), or nullopt when the
// scope is not exactly one such value (AADSTS70011). OIDC scopes beside it are ignored.
std::optional<std::string> audience_of_scope(std::string_view scope);

// A user's scope: at most one "{resource}/.default" or "{resource}/user_impersonation" beside
// the OIDC scopes (openid, profile, email, offline_access).
struct UserScope {
    std::string audience;  // "" when only OIDC scopes were asked for
    bool openid = false;
};
std::optional<UserScope> parse_user_scope(std::string_view scope);

}  // namespace logicmock
