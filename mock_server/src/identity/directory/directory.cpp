#include "identity/directory/directory.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <algorithm>

#include "logicmock/http_headers.hpp"
#include "util/text.hpp"

namespace logicmock {

std::optional<TenantRecord> resolve_tenant(const WorkflowStore& store, std::string_view tenant,
                                           IdentityPolicy policy) {
    if (iequals(tenant, kAdfsTenant)) {
        auto tenants = store.tenants();
        if (tenants.empty()) return std::nullopt;
        return tenants.front();
    }
    auto found = store.find_tenant(std::string(tenant));
    if (found || policy != IdentityPolicy::AcceptAny || !is_guid(tenant)) return found;
    TenantRecord any;
    any.tenant_id = ascii_lower(tenant);
    any.display_name = "accept-any tenant";
    return any;
}

std::string derived_object_id(std::string_view client_id) {
    const std::string folded = ascii_lower(client_id);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(folded.data()), folded.size(), digest);
    digest[6] = static_cast<unsigned char>((digest[6] & 0x0F) | 0x40);
    digest[8] = static_cast<unsigned char>((digest[8] & 0x3F) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0x0F];
    }
    return out;
}

std::optional<ServicePrincipalRecord> find_principal(const TenantRecord& tenant,
                                                     std::string_view client_id,
                                                     IdentityPolicy policy) {
    for (const auto& sp : tenant.service_principals) {
        if (iequals(sp.client_id, client_id)) return sp;
    }
    if (policy != IdentityPolicy::AcceptAny) return std::nullopt;
    return ServicePrincipalRecord{
        std::string(client_id), derived_object_id(client_id), std::string(client_id), {}, {}};
}

std::string directory_name(const TenantRecord* tenant, std::string_view route_tenant) {
    if (!tenant) return std::string(route_tenant);
    return tenant->display_name.empty() ? tenant->tenant_id : tenant->display_name;
}

bool is_multi_tenant_alias(std::string_view tenant) {
    return iequals(tenant, "common") || iequals(tenant, "organizations") ||
           iequals(tenant, "consumers");
}

namespace {

bool same_secret(std::string_view known, std::string_view given) {
    return known.size() == given.size() &&
           CRYPTO_memcmp(known.data(), given.data(), given.size()) == 0;
}

const UserRecord* find_user(const TenantRecord& tenant, std::string_view user_name) {
    for (const auto& user : tenant.users) {
        if (iequals(user.user_principal_name, user_name)) return &user;
    }
    return nullptr;
}

std::string_view domain_of(std::string_view user_name) {
    const auto at = user_name.rfind('@');
    return at == std::string_view::npos ? std::string_view() : user_name.substr(at + 1);
}

}  // namespace

std::optional<SignedInUser> sign_in_user(const WorkflowStore& store, const TenantRecord* tenant,
                                         std::string_view user_name, std::string_view password,
                                         IdentityPolicy policy) {
    if (user_name.empty() || password.empty() || user_name.size() > 256) return std::nullopt;
    std::vector<TenantRecord> candidates;
    if (tenant) {
        candidates.push_back(*tenant);
    } else {
        candidates = store.tenants();
        // The tenant whose domain the name is in goes first.
        std::stable_partition(candidates.begin(), candidates.end(), [&](const TenantRecord& t) {
            return !t.default_domain.empty() && iequals(t.default_domain, domain_of(user_name));
        });
    }
    for (const auto& each : candidates) {
        const UserRecord* user = find_user(each, user_name);
        if (!user) continue;
        // A seeded user keeps its own password even under accept-any.
        if (!same_secret(user->password, password)) return std::nullopt;
        return SignedInUser{each.tenant_id, user->object_id, user->user_principal_name,
                            user->display_name};
    }
    if (policy != IdentityPolicy::AcceptAny || candidates.empty()) return std::nullopt;
    return SignedInUser{candidates.front().tenant_id, derived_object_id(user_name),
                        std::string(user_name), std::string(user_name)};
}

bool user_exists(const TenantRecord& tenant, std::string_view object_id,
                 std::string_view user_principal_name, IdentityPolicy policy) {
    if (const UserRecord* user = find_user(tenant, user_principal_name)) {
        return iequals(user->object_id, object_id);
    }
    return policy == IdentityPolicy::AcceptAny && !user_principal_name.empty() &&
           iequals(derived_object_id(user_principal_name), object_id);
}

bool secret_matches(const ServicePrincipalRecord& principal, std::string_view secret,
                    IdentityPolicy policy) {
    for (const auto& known : principal.secrets) {
        if (same_secret(known, secret)) return true;
    }
    // A seeded principal keeps its own secrets even under accept-any.
    return policy == IdentityPolicy::AcceptAny && !secret.empty() &&
           principal.object_id == derived_object_id(principal.client_id);
}

}  // namespace logicmock
