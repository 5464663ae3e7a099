#include "identity/endpoints/imds.hpp"

#include <nlohmann/json.hpp>

#include "identity/endpoints/managed_identity.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "identity/tokens/token_issuer.hpp"
#include "util/utf8.hpp"

namespace logicmock {
namespace {

constexpr std::string_view kImdsServer = "IMDS/150.870.65.1015";  // as observed

Response with_server_header(Response response) {
    response.headers.set("Server", std::string(kImdsServer));
    return response;
}

Response imds_token(const IdentityRequest& in) {
    auto error = [&](EntraErrorId id, std::initializer_list<std::string_view> args = {}) {
        return entra_error(id, args, in.request, in.now);
    };
    if (in.request.headers.get("Metadata").value_or("") != "true") {
        return error(EntraErrorId::ImdsMetadataHeaderRequired);
    }
    if (in.target.query_value("api-version").value_or("").empty()) {
        return error(EntraErrorId::ImdsBadRequest, {"api-version"});
    }
    const std::string resource = in.target.query_value("resource").value_or("");
    if (resource.empty() || resource.size() > 2048 || !is_valid_utf8(resource)) {
        return error(EntraErrorId::ImdsBadRequest, {"resource"});
    }
    std::string by, id;
    for (const char* name : {"client_id", "object_id", "msi_res_id"}) {
        if (auto value = in.target.query_value(name)) {
            if (!by.empty()) return error(EntraErrorId::ImdsIdentityNotFound);
            by = name;
            id = *value;
        }
    }
    auto pick = by == "msi_res_id" ? std::nullopt : pick_managed_identity(in, by, id);
    if (!pick) return error(EntraErrorId::ImdsIdentityNotFound);
    const IssuedToken token = issue_token(in.key, pick->tenant_id, pick->principal, resource,
                                          in.options.token_lifetime_s, in.now);
    const std::string lifetime = std::to_string(in.options.token_lifetime_s);
    // Every number a string, as IMDS sends them.
    nlohmann::ordered_json body{{"access_token", token.access_token},
                                {"client_id", pick->principal.client_id},
                                {"expires_in", lifetime},
                                {"expires_on", std::to_string(token.expires_on)},
                                {"ext_expires_in", lifetime},
                                {"not_before", std::to_string(token.not_before)},
                                {"resource", resource},
                                {"token_type", "Bearer"}};
    return entra_json(in, body.dump());
}

}  // namespace

Response serve_imds(const IdentityRequest& in, const IdentityRoute& route) {
    if (route.endpoint == IdentityEndpoint::ImdsToken) return with_server_header(imds_token(in));
    std::string path;
    for (const auto& segment : in.target.segments) path += "/" + segment;
    return with_server_header(
        entra_error(EntraErrorId::ImdsNotFound, {path.substr(0, 256)}, in.request, in.now));
}

}  // namespace logicmock
