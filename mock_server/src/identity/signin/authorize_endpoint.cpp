#include "identity/signin/authorize_endpoint.hpp"

#include <array>
#include <sstream>

#include "identity/directory/directory.hpp"
#include "identity/directory/sign_in_client.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "identity/requests/form_body.hpp"
#include "identity/requests/scope.hpp"
#include "identity/signin/sign_in_page.hpp"
#include "identity/tokens/token_issuer.hpp"
#include "logic/workflow_resource.hpp"
#include "logicmock/http_headers.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

constexpr std::size_t kMaxParameter = 4096;

// The request's parameters, which the page carries from GET to POST in hidden fields.
constexpr std::array<std::string_view, 10> kCarried{
    "client_id", "redirect_uri", "response_type", "response_mode",  "scope",
    "resource",  "state",        "nonce",         "code_challenge", "code_challenge_method"};

struct ResponseTypes {
    bool code = false;
    bool token = false;
    bool id_token = false;
};

std::optional<ResponseTypes> parse_response_type(std::string_view text) {
    ResponseTypes out;
    std::istringstream words{std::string(text)};
    std::string word;
    while (words >> word) {
        if (word == "code") {
            out.code = true;
        } else if (word == "token") {
            out.token = true;
        } else if (word == "id_token") {
            out.id_token = true;
        } else {
            return std::nullopt;
        }
    }
    if (!out.code && !out.token && !out.id_token) return std::nullopt;
    if (out.code && out.token) return std::nullopt;
    return out;
}

// "S256": BASE64URL(SHA256(verifier)).
bool is_base64url(std::string_view text) {
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

class Authorize {
  public:
    Authorize(const IdentityRequest& in, const IdentityRoute& route) : in_(in), route_(route) {}

    Response run() {
        const bool post = iequals(in_.request.method, "POST");
        if (!post && !iequals(in_.request.method, "GET")) {
            return page_error(405, EntraErrorId::InvalidParameter, {"method"});
        }
        if (post && in_.request.body.size() > kMaxTokenRequestBytes) {
            return page_error(400, EntraErrorId::InvalidParameter, {"request body"});
        }
        const std::string_view target = in_.request.target;
        const auto q = target.find('?');
        const FormBody form =
            post ? parse_form_body(in_.request.body)
                 : parse_form_body(q == std::string_view::npos ? std::string_view()
                                                               : target.substr(q + 1));
        if (!form.invalid.empty()) {
            return page_error(400, EntraErrorId::InvalidParameter, {form.invalid});
        }
        for (const auto& [name, value] : form.fields) {
            if (value.size() > kMaxParameter) {
                return page_error(400, EntraErrorId::InvalidParameter, {name});
            }
        }
        for (auto name : kCarried)
            params_.emplace_back(std::string(name), form.value(std::string(name)));
        if (auto e = check_tenant_and_client()) return *e;
        if (auto e = check_request()) return *e;
        if (!post) return page({}, "");

        // The post must come from the page this server rendered for these parameters.
        if (!page_token_valid(in_.page_secret, binding(), form.value("flowToken"), in_.now)) {
            return page_error(400, EntraErrorId::InvalidParameter, {"flowToken"});
        }
        const std::string user_name = form.value("login");
        auto user = sign_in_user(in_.store, tenant_ ? &*tenant_ : nullptr, user_name,
                                 form.value("passwd"), in_.options.identity);
        if (!user) return page(entra_error_text(EntraErrorId::InvalidCredentials, {}), user_name);
        return grant(*user);
    }

  private:
    const std::string& param(std::string_view name) const {
        for (const auto& [key, value] : params_) {
            if (key == name) return value;
        }
        static const std::string empty;
        return empty;
    }

    // The flowToken's binding: every carried parameter, length-prefixed, and the endpoint.
    std::string binding() const {
        std::string out =
            std::string(route_.operation_id) + "|" + route_.tenant + "|" + (v2() ? "v2" : "v1");
        for (const auto& [name, value] : params_) {
            out += "|" + std::to_string(value.size()) + ":" + value;
        }
        return out;
    }

    bool v2() const { return route_.endpoint == IdentityEndpoint::AuthorizeV2; }

    Response page_error(int status, EntraErrorId id,
                        std::initializer_list<std::string_view> args) const {
        return message_page_response(status, "Sorry, but we're having trouble signing you in.",
                                     entra_error_text(id, args));
    }

    std::optional<Response> check_tenant_and_client() {
        if (!is_multi_tenant_alias(route_.tenant)) {
            tenant_ = resolve_tenant(in_.store, route_.tenant, in_.options.identity);
            if (!tenant_) return page_error(400, EntraErrorId::UnknownTenant, {route_.tenant});
        }
        const std::string& client_id = param("client_id");
        if (client_id.empty()) {
            return page_error(400, EntraErrorId::MissingParameter, {"client_id"});
        }
        client_ = find_sign_in_client(in_.store, tenant_ ? &*tenant_ : nullptr, client_id,
                                      in_.options.identity);
        if (!client_) {
            return page_error(
                400, EntraErrorId::UnknownApplication,
                {client_id, directory_name(tenant_ ? &*tenant_ : nullptr, route_.tenant)});
        }
        const std::string& redirect = param("redirect_uri");
        if (redirect.empty()) {
            return page_error(400, EntraErrorId::MissingParameter, {"redirect_uri"});
        }
        if (!redirect_allowed(*client_, redirect)) {
            return page_error(400, EntraErrorId::RedirectUriMismatch,
                              {redirect, client_->client_id});
        }
        return std::nullopt;
    }

    // From here on the redirect URI is valid, so errors go back to it.
    std::optional<Response> check_request() {
        const std::string& type = param("response_type");
        if (type.empty()) return redirect_error(EntraErrorId::MissingParameter, {"response_type"});
        auto types = parse_response_type(type);
        if (!types) return redirect_error(EntraErrorId::ResponseTypeNotEnabled, {type});
        types_ = *types;
        types_known_ = true;
        const std::string& scope = param("scope");
        if (v2() && scope.empty()) return redirect_error(EntraErrorId::MissingParameter, {"scope"});
        auto parsed = parse_user_scope(scope);
        if (!parsed) return redirect_error(EntraErrorId::InvalidScope, {scope});
        scope_ = *parsed;
        if (!v2()) {
            const std::string& resource = param("resource");
            if (!resource.empty() && !valid_resource(resource)) {
                return redirect_error(EntraErrorId::InvalidScope, {resource});
            }
            scope_.audience = resource.empty() ? std::string(kDefaultUserAudience) : resource;
            scope_.openid = scope_.openid || types_.id_token;
        } else if (scope_.audience.empty() && (types_.token || types_.code)) {
            scope_.audience = "https://graph.microsoft.com";
        }
        if (types_.id_token && !scope_.openid) {
            return redirect_error(EntraErrorId::InvalidScope, {scope});
        }
        const std::string& challenge = param("code_challenge");
        const std::string& method = param("code_challenge_method");
        if (!challenge.empty() &&
            (method != "S256" || challenge.size() != 43 || !is_base64url(challenge))) {
            return redirect_error(EntraErrorId::CodeChallengeMethod, {});
        }
        return std::nullopt;
    }

    bool use_fragment() const {
        const std::string& mode = param("response_mode");
        if (mode == "fragment") return true;
        if (mode == "query") return false;
        // Only a known implicit response type defaults to the fragment.
        return types_known_ && !types_.code;
    }

    // 302 to the validated redirect URI with the parameters in its query or fragment.
    Response redirect(std::vector<std::pair<std::string, std::string>> fields) const {
        const std::string& state = param("state");
        if (!state.empty()) fields.emplace_back("state", state);
        std::string location = param("redirect_uri");
        const bool fragment = use_fragment();
        char separator = fragment ? '#' : (location.find('?') == std::string::npos ? '?' : '&');
        for (const auto& [name, value] : fields) {
            location += separator + name + "=" + url_encode(value);
            separator = '&';
        }
        Response response(302);
        response.headers.set("Location", location);
        response.headers.set("Cache-Control", "no-store, no-cache");
        response.headers.set("Pragma", "no-cache");
        response.headers.set("x-ms-request-id", random_guid());
        return response;
    }

    Response redirect_error(EntraErrorId id, std::initializer_list<std::string_view> args) const {
        return redirect({{"error", std::string(entra_catalogue_entry(id).error)},
                         {"error_description", entra_error_text(id, args)}});
    }

    Response page(const std::string& error, const std::string& user_name) const {
        SignInPage page;
        page.heading = "Sign in";
        page.app_name = client_->display_name;
        page.tenant_name =
            tenant_ ? tenant_->display_name + " (" + tenant_->tenant_id + ")" : route_.tenant;
        page.action = "/" + route_.tenant + (v2() ? "/oauth2/v2.0/authorize" : "/oauth2/authorize");
        for (const auto& [name, value] : params_) {
            if (!value.empty()) page.hidden.emplace_back(name, value);
        }
        page.hidden.emplace_back("flowToken", make_page_token(in_.page_secret, binding(), in_.now));
        page.error = error;
        page.user_name = user_name;
        return sign_in_page_response(page);
    }

    Response grant(const SignedInUser& user) const {
        const std::string& client_id = client_->client_id;
        std::vector<std::pair<std::string, std::string>> fields;
        if (types_.code) {
            UserGrant grant{user,           client_id,    param("scope"), scope_.audience,
                            param("nonce"), scope_.openid};
            fields.emplace_back(
                "code",
                in_.grants.add_code(
                    {std::move(grant), param("redirect_uri"), param("code_challenge")}, in_.now));
        }
        if (types_.token) {
            const IssuedToken token = issue_user_token(in_.key, user, client_id, scope_.audience,
                                                       in_.options.token_lifetime_s, in_.now);
            fields.emplace_back("access_token", token.access_token);
            fields.emplace_back("token_type", "Bearer");
            fields.emplace_back("expires_in", std::to_string(token.expires_in));
            if (v2()) fields.emplace_back("scope", param("scope"));
        }
        if (types_.id_token) {
            fields.emplace_back(
                "id_token", issue_id_token(in_.key, user, client_id,
                                           id_token_issuer(in_.base_url, route_, user.tenant_id),
                                           param("nonce"), in_.options.token_lifetime_s, in_.now));
        }
        fields.emplace_back("session_state", derived_object_id(user.object_id + client_id));
        return redirect(std::move(fields));
    }

    const IdentityRequest& in_;
    const IdentityRoute& route_;
    std::vector<std::pair<std::string, std::string>> params_;
    std::optional<TenantRecord> tenant_;
    std::optional<SignInClient> client_;
    ResponseTypes types_;
    bool types_known_ = false;
    UserScope scope_;
};

}  // namespace

Response serve_authorize(const IdentityRequest& in, const IdentityRoute& route) {
    return Authorize(in, route).run();
}

}  // namespace logicmock
