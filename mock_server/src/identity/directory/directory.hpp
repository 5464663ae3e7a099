#pragma once
// The directory behind the token endpoint: which tenant a URL names, and which service
// principal a client id and secret sign in as, under the --identity policy.

#include <optional>
#include <string>
#include <string_view>

#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"

namespace logicmock {

// "adfs" (ADFS-style authorities, docs/signing-in.md) means the seed's first tenant.
inline constexpr std::string_view kAdfsTenant = "adfs";

// The tenant {tenant} names: its id, its default domain, or "adfs".
// With --identity accept-any, a tenant GUID the seed does not hold is a tenant too (with no
// principals of its own: find_principal makes them up), so a user's own AZURE_TENANT_ID works.
std::optional<TenantRecord> resolve_tenant(const WorkflowStore& store, std::string_view tenant,
                                           IdentityPolicy policy = IdentityPolicy::Seeded);

// How AADSTS700016 names the directory: the tenant's display name, else its id; the route's
// {tenant} (common, organizations) when no tenant is resolved.
std::string directory_name(const TenantRecord* tenant, std::string_view route_tenant);

// The principal with that client id in the tenant; under --identity accept-any, an unknown
// client id is a principal too, with derived_object_id() as its object id.
std::optional<ServicePrincipalRecord> find_principal(const TenantRecord& tenant,
                                                     std::string_view client_id,
                                                     IdentityPolicy policy);

// A stable GUID for an accept-any client id: SHA-256 of the lower-cased id, shaped as a v4 GUID.
std::string derived_object_id(std::string_view client_id);

// Whether the secret is one of the principal's (constant-time compare); under accept-any, any
// non-empty secret is right for a principal the seed does not hold.
bool secret_matches(const ServicePrincipalRecord& principal, std::string_view secret,
                    IdentityPolicy policy);

// "common", "organizations" and "consumers": authorities that name no tenant; the user's own
// tenant decides.
bool is_multi_tenant_alias(std::string_view tenant);

// A user who signed in: who the user token is for.
struct SignedInUser {
    std::string tenant_id;
    std::string object_id;
    std::string user_principal_name;
    std::string display_name;
};

// The user with that name and password in `tenant` (or, when null, in the tenant whose default
// domain the name ends in, else any tenant holding it). Under --identity accept-any an unknown
// name with a non-empty password signs in too, in `tenant` or the first tenant, with
// derived_object_id(name) as object id. Passwords compare in constant time.
std::optional<SignedInUser> sign_in_user(const WorkflowStore& store, const TenantRecord* tenant,
                                         std::string_view user_name, std::string_view password,
                                         IdentityPolicy policy);

// Whether the user a token names still exists (--auth entra): seeded, or derived under
// accept-any.
bool user_exists(const TenantRecord& tenant, std::string_view object_id,
                 std::string_view user_principal_name, IdentityPolicy policy);

}  // namespace logicmock
