#include "identity/directory.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "logicmock/http_headers.hpp"

namespace logicmock {

std::optional<TenantRecord> resolve_tenant(const WorkflowStore& store, std::string_view tenant) {
    if (iequals(tenant, kAdfsTenant)) {
        auto tenants = store.tenants();
        if (tenants.empty()) return std::nullopt;
        return tenants.front();
    }
    return store.find_tenant(std::string(tenant));
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
        std::string(client_id), derived_object_id(client_id), std::string(client_id), {}};
}

bool secret_matches(const ServicePrincipalRecord& principal, std::string_view secret,
                    IdentityPolicy policy) {
    for (const auto& known : principal.secrets) {
        if (known.size() == secret.size() &&
            CRYPTO_memcmp(known.data(), secret.data(), secret.size()) == 0) {
            return true;
        }
    }
    // A seeded principal keeps its own secrets even under accept-any.
    return policy == IdentityPolicy::AcceptAny && !secret.empty() &&
           principal.object_id == derived_object_id(principal.client_id);
}

}  // namespace logicmock
