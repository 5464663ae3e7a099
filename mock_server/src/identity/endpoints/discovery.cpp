#include "identity/endpoints/discovery.hpp"

#include <nlohmann/json.hpp>

#include "identity/directory/directory.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "logicmock/http_headers.hpp"
#include "util/random_bytes.hpp"
#include "util/utf8.hpp"

namespace logicmock {
namespace {

using Json = nlohmann::ordered_json;

// Discovery answers are cached by clients for a day (docs/signing-in.md).
Response cacheable(const Json& body) {
    Response response(200, {}, body.dump());
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    response.headers.set("Cache-Control", "max-age=86400, private");
    response.headers.set("x-ms-request-id", random_guid());
    response.headers.set("Access-Control-Allow-Origin", "*");
    response.headers.set("Access-Control-Allow-Methods", "GET, OPTIONS");
    return response;
}

Json v2_document(const std::string& base, const std::string& tid) {
    const std::string root = base + "/" + tid;
    return Json{
        {"token_endpoint", root + "/oauth2/v2.0/token"},
        {"token_endpoint_auth_methods_supported",
         {"client_secret_post", "private_key_jwt", "client_secret_basic"}},
        {"jwks_uri", root + "/discovery/v2.0/keys"},
        {"response_modes_supported", {"query", "fragment", "form_post"}},
        {"subject_types_supported", {"pairwise"}},
        {"id_token_signing_alg_values_supported", {"RS256"}},
        {"response_types_supported", {"code", "id_token", "code id_token", "id_token token"}},
        {"scopes_supported", {"openid", "profile", "email", "offline_access"}},
        {"issuer", root + "/v2.0"},
        {"request_uri_parameter_supported", false},
        {"authorization_endpoint", root + "/oauth2/v2.0/authorize"},
        {"device_authorization_endpoint", root + "/oauth2/v2.0/devicecode"},
        {"http_logout_supported", true},
        {"frontchannel_logout_supported", true},
        {"end_session_endpoint", root + "/oauth2/v2.0/logout"},
        {"claims_supported",
         {"sub", "iss", "aud", "exp", "iat", "nbf", "tid", "oid", "appid", "ver"}},
        {"tenant_region_scope", "NA"},
        {"cloud_instance_name", "microsoftonline.com"}};
}

// v1 (and ADFS) shape: token endpoint without v2.0, the sts.windows.net issuer for tenants.
Json v1_document(const std::string& base, const std::string& path_tenant, const std::string& tid,
                 bool adfs) {
    const std::string root = base + "/" + path_tenant;
    return Json{
        {"token_endpoint", root + "/oauth2/token"},
        {"token_endpoint_auth_methods_supported",
         {"client_secret_post", "private_key_jwt", "client_secret_basic"}},
        {"jwks_uri", root + "/discovery/keys"},
        {"response_modes_supported", {"query", "fragment", "form_post"}},
        {"subject_types_supported", {"pairwise"}},
        {"id_token_signing_alg_values_supported", {"RS256"}},
        {"response_types_supported", {"code", "id_token", "code id_token", "token id_token"}},
        {"scopes_supported", {"openid"}},
        {"issuer", adfs ? root : "https://sts.windows.net/" + tid + "/"},
        {"authorization_endpoint", root + "/oauth2/authorize"},
        {"device_authorization_endpoint", root + "/oauth2/devicecode"},
        {"end_session_endpoint", root + "/oauth2/logout"},
        {"claims_supported",
         {"sub", "iss", "aud", "exp", "iat", "nbf", "tid", "oid", "appid", "ver"}}};
}

}  // namespace

Response serve_discovery(const IdentityRequest& in, const IdentityRoute& route) {
    if (is_multi_tenant_alias(route.tenant)) {
        // common and organizations: endpoints under the alias, issuer with Entra's {tenantid}
        // placeholder; tokens then name the user's own tenant.
        Json document = route.endpoint == IdentityEndpoint::DiscoveryV2
                            ? v2_document(in.base_url, route.tenant)
                            : v1_document(in.base_url, route.tenant, "{tenantid}", false);
        if (route.endpoint == IdentityEndpoint::DiscoveryV2) {
            document["issuer"] = in.base_url + "/{tenantid}/v2.0";
        }
        return cacheable(document);
    }
    auto tenant = resolve_tenant(in.store, route.tenant, in.options.identity);
    if (!tenant)
        return entra_error(EntraErrorId::UnknownTenant, {route.tenant}, in.request, in.now);
    if (iequals(route.tenant, kAdfsTenant)) {
        return cacheable(
            v1_document(in.base_url, std::string(kAdfsTenant), tenant->tenant_id, true));
    }
    if (route.endpoint == IdentityEndpoint::DiscoveryV2) {
        return cacheable(v2_document(in.base_url, tenant->tenant_id));
    }
    return cacheable(v1_document(in.base_url, tenant->tenant_id, tenant->tenant_id, false));
}

Response serve_keys(const IdentityRequest& in, const IdentityRoute& route) {
    std::string issuer_tenant = "{tenantid}";
    if (!is_multi_tenant_alias(route.tenant)) {
        auto tenant = resolve_tenant(in.store, route.tenant, in.options.identity);
        if (!tenant) {
            return entra_error(EntraErrorId::UnknownTenant, {route.tenant}, in.request, in.now);
        }
        issuer_tenant = tenant->tenant_id;
    }
    const Json key{
        {"kty", "RSA"},          {"use", "sig"},
        {"kid", in.key.kid()},   {"x5t", in.key.kid()},
        {"n", in.key.modulus()}, {"e", in.key.exponent()},
        {"alg", "RS256"},        {"issuer", in.base_url + "/" + issuer_tenant + "/v2.0"}};
    return cacheable(Json{{"keys", Json::array({key})}});
}

Response serve_instance_discovery(const IdentityRequest& in) {
    // The tenant of the authority MSAL asks about: .../{tenant}/oauth2/v2.0/authorize.
    std::string tenant = "common";
    const std::string endpoint = in.target.query_value("authorization_endpoint").value_or("");
    if (auto scheme = endpoint.find("://"); scheme != std::string::npos) {
        const auto path = endpoint.find('/', scheme + 3);
        if (path != std::string::npos) {
            const auto end = endpoint.find_first_of("/?#", path + 1);
            const std::string segment = endpoint.substr(path + 1, end - path - 1);
            if (!segment.empty() && segment.size() <= 256 &&
                segment.find_first_of("%\"\\<>") == std::string::npos &&
                is_valid_utf8(segment)) {  // it is echoed in JSON, which cannot hold bad UTF-8
                tenant = segment;
            }
        }
    }
    const Json public_cloud{{"preferred_network", "login.microsoftonline.com"},
                            {"preferred_cache", "login.windows.net"},
                            {"aliases",
                             {"login.microsoftonline.com", "login.windows.net",
                              "login.microsoft.com", "sts.windows.net"}}};
    Json metadata = Json::array();
    const std::string host = in.base_url.substr(in.base_url.find("://") + 3);
    if (host != "login.microsoftonline.com") {  // reached directly: this server is the cloud
        metadata.push_back(Json{{"preferred_network", host},
                                {"preferred_cache", host},
                                {"aliases", Json::array({host})}});
    }
    metadata.push_back(public_cloud);
    metadata.push_back(
        Json{{"preferred_network", "login.partner.microsoftonline.cn"},
             {"preferred_cache", "login.partner.microsoftonline.cn"},
             {"aliases", {"login.partner.microsoftonline.cn", "login.chinacloudapi.cn"}}});
    metadata.push_back(Json{{"preferred_network", "login.microsoftonline.de"},
                            {"preferred_cache", "login.microsoftonline.de"},
                            {"aliases", Json::array({"login.microsoftonline.de"})}});
    metadata.push_back(Json{{"preferred_network", "login.microsoftonline.us"},
                            {"preferred_cache", "login.microsoftonline.us"},
                            {"aliases", {"login.microsoftonline.us", "login.usgovcloudapi.net"}}});
    metadata.push_back(Json{{"preferred_network", "login-us.microsoftonline.com"},
                            {"preferred_cache", "login-us.microsoftonline.com"},
                            {"aliases", Json::array({"login-us.microsoftonline.com"})}});
    return cacheable(Json{{"tenant_discovery_endpoint",
                           in.base_url + "/" + tenant + "/v2.0/.well-known/openid-configuration"},
                          {"api-version", "1.1"},
                          {"metadata", metadata}});
}

}  // namespace logicmock
