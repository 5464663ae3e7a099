#include "identity/endpoints/managed_identity.hpp"

#include <openssl/crypto.h>

#include <nlohmann/json.hpp>

#include "identity/directory/directory.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "identity/tokens/token_issuer.hpp"
#include "logicmock/http_headers.hpp"
#include "util/utf8.hpp"

namespace logicmock {

std::optional<ManagedIdentityPick> pick_managed_identity(const IdentityRequest& in,
                                                         const std::string& by,
                                                         const std::string& id) {
    using Pick = ManagedIdentityPick;
    const auto tenants = in.store.tenants();
    for (const auto& tenant : tenants) {
        for (const auto& sp : tenant.service_principals) {
            if (by.empty() || (by == "client_id" && iequals(sp.client_id, id)) ||
                (by != "client_id" && iequals(sp.object_id, id))) {
                return Pick{tenant.tenant_id, sp};
            }
        }
    }
    if (in.options.identity == IdentityPolicy::AcceptAny && by == "client_id" && !tenants.empty()) {
        return Pick{tenants.front().tenant_id,
                    *find_principal(tenants.front(), id, IdentityPolicy::AcceptAny)};
    }
    return std::nullopt;
}

Response serve_managed_identity(const IdentityRequest& in) {
    auto error = [&](EntraErrorId id, std::initializer_list<std::string_view> args = {}) {
        return entra_error(id, args, in.request, in.now);
    };
    const auto header = in.request.headers.get("X-IDENTITY-HEADER");
    const std::string& expected = in.options.identity_header;
    if (!header || header->size() != expected.size() ||
        CRYPTO_memcmp(header->data(), expected.data(), expected.size()) != 0) {
        return error(EntraErrorId::IdentityHeaderMismatch);
    }
    if (!iequals(in.request.method, "GET")) {
        return error(EntraErrorId::ManagedIdentityBadRequest, {"use GET"});
    }
    if (in.target.query_value("api-version").value_or("") != "2019-08-01") {
        return error(EntraErrorId::ManagedIdentityBadRequest, {"api-version is not 2019-08-01"});
    }
    const std::string resource = in.target.query_value("resource").value_or("");
    if (resource.empty() || resource.size() > 2048) {
        return error(EntraErrorId::ManagedIdentityBadRequest, {"resource is missing"});
    }
    if (!is_valid_utf8(resource)) {
        return error(EntraErrorId::ManagedIdentityBadRequest, {"resource is not UTF-8"});
    }
    std::string by, id;
    for (const char* name : {"client_id", "principal_id", "object_id", "mi_res_id"}) {
        if (auto value = in.target.query_value(name)) {
            if (!by.empty()) {
                return error(EntraErrorId::ManagedIdentityBadRequest,
                             {"client_id, principal_id, object_id and mi_res_id exclude each "
                              "other"});
            }
            by = name;
            id = *value;
        }
    }
    if (by == "mi_res_id") {
        return error(EntraErrorId::ManagedIdentityBadRequest, {"mi_res_id is not supported"});
    }
    auto pick = pick_managed_identity(in, by, id);
    if (!pick) {
        if (by.empty()) return error(EntraErrorId::UnknownManagedIdentity, {"any id", ""});
        return error(EntraErrorId::UnknownManagedIdentity, {by, id});
    }
    const IssuedToken token = issue_token(in.key, pick->tenant_id, pick->principal, resource,
                                          in.options.token_lifetime_s, in.now);
    nlohmann::ordered_json body{{"access_token", token.access_token},
                                {"expires_on", std::to_string(token.expires_on)},
                                {"resource", resource},
                                {"token_type", "Bearer"},
                                {"client_id", pick->principal.client_id},
                                {"not_before", std::to_string(token.not_before)}};
    return entra_json(in, body.dump());
}

}  // namespace logicmock
