#include "identity/signin/device_code_endpoint.hpp"

#include <nlohmann/json.hpp>

#include "identity/directory/directory.hpp"
#include "identity/directory/sign_in_client.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "identity/requests/form_body.hpp"
#include "identity/requests/scope.hpp"
#include "identity/signin/sign_in_page.hpp"
#include "logicmock/http_headers.hpp"

namespace logicmock {
namespace {

constexpr std::string_view kPageBinding = "devicelogin";

Response device_page(const IdentityRequest& in, const std::string& error,
                     const std::string& user_code, const std::string& user_name) {
    SignInPage page;
    page.heading = "Enter code";
    page.app_name = "Enter the code displayed on your app or device, then sign in.";
    page.tenant_name = "logicmock Entra ID";
    page.action = std::string(kDeviceLoginPath);
    page.hidden.emplace_back("flowToken", make_page_token(in.page_secret, kPageBinding, in.now));
    page.error = error;
    page.ask_user_code = true;
    page.user_code = user_code;
    page.user_name = user_name;
    return sign_in_page_response(page);
}

}  // namespace

Response serve_device_code(const IdentityRequest& in, const IdentityRoute& route) {
    const Request& request = in.request;
    auto error = [&](EntraErrorId id, std::initializer_list<std::string_view> args = {}) {
        return entra_error(id, args, request, in.now);
    };
    auto read = read_entra_form(in, route);
    if (auto* refused = std::get_if<Response>(&read)) return std::move(*refused);
    const auto& [tenant, form] = std::get<EntraForm>(read);
    const std::string client_id = form.value("client_id");
    if (client_id.empty()) return error(EntraErrorId::MissingParameter, {"client_id"});
    auto client =
        find_sign_in_client(in.store, tenant ? &*tenant : nullptr, client_id, in.options.identity);
    if (!client) {
        return error(EntraErrorId::UnknownApplication,
                     {client_id, directory_name(tenant ? &*tenant : nullptr, route.tenant)});
    }
    const bool v2 = route.endpoint == IdentityEndpoint::DeviceCodeV2;
    const std::string scope = form.value("scope");
    const std::string resource = form.value("resource");
    if (v2 && scope.empty()) return error(EntraErrorId::MissingParameter, {"scope"});
    auto parsed = parse_user_scope(scope);
    if (!parsed) return error(EntraErrorId::InvalidScope, {scope});
    if (!resource.empty()) {
        if (v2) return error(EntraErrorId::ResourceNotSupported);
        if (!valid_resource(resource)) return error(EntraErrorId::InvalidScope, {resource});
        parsed->audience = resource;
    }
    if (parsed->audience.empty()) parsed->audience = kDefaultUserAudience;
    UserGrant grant{{}, client->client_id, scope, parsed->audience, "", parsed->openid};
    const DeviceCodeIssued issued =
        in.grants.add_device_code(std::move(grant), route.tenant, in.now);
    const std::string uri = in.base_url + std::string(kDeviceLoginPath);
    nlohmann::ordered_json body{
        {"user_code", issued.user_code},
        {"device_code", issued.device_code},
        {"verification_uri", uri},
        {"expires_in",
         std::chrono::duration_cast<std::chrono::seconds>(GrantStore::kDeviceCodeLifetime).count()},
        {"interval", kDeviceCodeInterval},
        {"message", "To sign in, use a web browser to open the page " + uri +
                        " and enter the code " + issued.user_code + " to authenticate."}};
    if (!v2) body["verification_url"] = uri;
    return entra_json(in, body.dump());
}

Response serve_device_login(const IdentityRequest& in) {
    const Request& request = in.request;
    const bool post = iequals(request.method, "POST");
    if (!post) {
        if (!iequals(request.method, "GET")) {
            return message_page_response(
                405, "Enter code", entra_error_text(EntraErrorId::InvalidParameter, {"method"}));
        }
        auto code = in.target.query_value("otc");
        return device_page(in, "", code && code->size() <= 64 ? *code : "", "");
    }
    if (request.body.size() > kMaxTokenRequestBytes) {
        return message_page_response(
            400, "Enter code", entra_error_text(EntraErrorId::InvalidParameter, {"request body"}));
    }
    const FormBody form = parse_form_body(request.body);
    if (!form.invalid.empty()) {
        return message_page_response(
            400, "Enter code", entra_error_text(EntraErrorId::InvalidParameter, {form.invalid}));
    }
    if (!page_token_valid(in.page_secret, kPageBinding, form.value("flowToken"), in.now)) {
        return message_page_response(
            400, "Enter code", entra_error_text(EntraErrorId::InvalidParameter, {"flowToken"}));
    }
    const std::string user_code = form.value("otc");
    const std::string user_name = form.value("login");
    auto pending =
        user_code.size() <= 64 ? in.grants.find_user_code(user_code, in.now) : std::nullopt;
    if (!pending) {
        return device_page(in, entra_error_text(EntraErrorId::UnknownUserCode, {}), "", user_name);
    }
    std::optional<TenantRecord> tenant;
    if (!is_multi_tenant_alias(pending->tenant))
        tenant = resolve_tenant(in.store, pending->tenant, in.options.identity);
    auto user = sign_in_user(in.store, tenant ? &*tenant : nullptr, user_name, form.value("passwd"),
                             in.options.identity);
    if (!user) {
        return device_page(in, entra_error_text(EntraErrorId::InvalidCredentials, {}), user_code,
                           user_name);
    }
    if (!in.grants.approve_device_code(user_code, *user, in.now)) {
        return device_page(in, entra_error_text(EntraErrorId::UnknownUserCode, {}), "", user_name);
    }
    return message_page_response(200, "You're signed in",
                                 "You have signed in to the " + pending->client_id +
                                     " application on your device. You may now close this "
                                     "window.");
}

}  // namespace logicmock
