// User sign-in through Service::handle: the authorize page (authorization code + PKCE, implicit
// token and id_token), the token endpoint's user grants, the device code flow, user tokens under
// --auth entra, and every bad input of issue 16 answered with Entra's error, never a redirect to
// an unvalidated URI and never a 5xx.

#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "identity/identity_test_support.hpp"
#include "identity/tokens/grant_store.hpp"
#include "logic/workflow_resource.hpp"
#include "logicmock/journal.hpp"
#include "logicmock/mock_admin.hpp"
#include "logicmock/seed.hpp"
#include "logicmock/service.hpp"
#include "pipeline_test_support.hpp"
#include "protocol/request_target.hpp"
#include "state/seed_writer.hpp"
#include "util/base64.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

const std::string kCli = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";
const std::string kUser = "dev@logicmock.onmicrosoft.com";
const std::string kUserOid = "3f2e1d0c-9b8a-4765-a432-10fedcba9876";
const std::string kPassword = "logicmock-dev-password";
const std::string kRedirect = "http://localhost:8400/";
// RFC 7636 appendix B.
const std::string kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const std::string kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

using Params = std::vector<std::pair<std::string, std::string>>;

std::string encode(const Params& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        out += (out.empty() ? "" : "&") + url_encode(name) + "=" + url_encode(value);
    }
    return out;
}

Params code_params() {
    return {{"client_id", kCli},
            {"response_type", "code"},
            {"redirect_uri", kRedirect},
            {"scope", "https://management.azure.com/.default openid profile offline_access"},
            {"state", "state-123"},
            {"nonce", "nonce-456"},
            {"code_challenge", kChallenge},
            {"code_challenge_method", "S256"}};
}

Params with(Params params, const std::string& name, const std::string& value) {
    for (auto& [key, v] : params) {
        if (key == name) {
            v = value;
            return params;
        }
    }
    params.emplace_back(name, value);
    return params;
}

std::string authorize_path(const std::string& tenant = kTenant, bool v2 = true) {
    return "/" + tenant + (v2 ? "/oauth2/v2.0/authorize" : "/oauth2/authorize");
}

// The page's hidden fields, as a browser posts them back.
Params hidden_fields(const std::string& page) {
    Params out;
    static const std::regex field(R"re(<input type="hidden" name="([^"]*)" value="([^"]*)">)re");
    for (auto it = std::sregex_iterator(page.begin(), page.end(), field);
         it != std::sregex_iterator(); ++it) {
        std::string value = (*it)[2];
        for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
            for (auto at = value.find(from); at != std::string::npos; at = value.find(from, at)) {
                value.replace(at, from.size(), to);
                at += to.size();
            }
        }
        out.emplace_back((*it)[1], value);
    }
    return out;
}

std::map<std::string, std::string> parse_params(const std::string& text) {
    std::map<std::string, std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('&', start);
        if (end == std::string::npos) end = text.size();
        const std::string pair = text.substr(start, end - start);
        const auto eq = pair.find('=');
        out[percent_decode(pair.substr(0, eq), true)] =
            eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1), true);
        start = end + 1;
    }
    return out;
}

// The query (or fragment) of a 302's Location, after the redirect URI.
std::map<std::string, std::string> redirected(const Response& r, const std::string& redirect,
                                              char separator) {
    INFO(r.body);
    REQUIRE(r.status == 302);
    const std::string location(r.headers.get("Location").value_or(""));
    INFO(location);
    REQUIRE(location.rfind(redirect + separator, 0) == 0);
    return parse_params(location.substr(redirect.size() + 1));
}

struct SignIn : IdentityFixture {
    using IdentityFixture::IdentityFixture;

    Response page(const Params& params, const std::string& path = authorize_path()) const {
        return handle(get(path + "?" + encode(params)));
    }
    // GET the page, then post it back filled in.
    Response sign_in(const Params& params, const std::string& user = kUser,
                     const std::string& password = kPassword,
                     const std::string& path = authorize_path()) const {
        Response shown = page(params, path);
        INFO(shown.body);
        REQUIRE(shown.status == 200);
        Params form = hidden_fields(shown.body);
        form.emplace_back("login", user);
        form.emplace_back("passwd", password);
        return handle(form_post(path, encode(form)));
    }
    std::string code() const {
        return redirected(sign_in(code_params()), kRedirect, '?').at("code");
    }
    Response redeem(const std::string& code, const std::string& verifier = kVerifier,
                    const std::string& redirect = kRedirect) const {
        Params form{
            {"client_id", kCli},
            {"grant_type", "authorization_code"},
            {"code", code},
            {"redirect_uri", redirect},
            {"scope", "https://management.azure.com/.default openid profile offline_access"},
            {"client_info", "1"}};
        if (!verifier.empty()) form.emplace_back("code_verifier", verifier);
        return handle(form_post("/" + kTenant + "/oauth2/v2.0/token", encode(form)));
    }
};

void require_page_error(const Response& r, int status, const std::string& aadsts) {
    INFO(r.body);
    REQUIRE(r.status == status);
    REQUIRE(!r.headers.get("Location"));
    REQUIRE(r.headers.get("Content-Type").value_or("") == "text/html; charset=utf-8");
    REQUIRE_THAT(r.body, Catch::Contains(aadsts + ": "));
}

void require_user_claims(const std::string& token, const std::string& audience) {
    auto claims = jwt_claims(token);
    REQUIRE(claims["aud"] == audience);
    REQUIRE(claims["iss"] == "https://sts.windows.net/" + kTenant + "/");
    REQUIRE(claims["scp"] == "user_impersonation");
    REQUIRE(claims["upn"] == kUser);
    REQUIRE(claims["unique_name"] == kUser);
    REQUIRE(claims["name"] == "Logicmock Developer");
    REQUIRE(claims["oid"] == kUserOid);
    REQUIRE(claims["tid"] == kTenant);
    REQUIRE(claims["amr"] == nlohmann::json::array({"pwd"}));
    REQUIRE(claims["idtyp"] == "user");
    REQUIRE(claims["appid"] == kCli);
    REQUIRE(!claims.contains("roles"));
    REQUIRE(jwt_header(token)["alg"] == "RS256");
}

}  // namespace

TEST_CASE("the sign-in page shows the app and the tenant with no script or external asset",
          "[identity][signin]") {
    SignIn f;
    Response r = f.page(code_params());
    INFO(r.body);
    REQUIRE(r.status == 200);
    REQUIRE(r.headers.get("Content-Type").value_or("") == "text/html; charset=utf-8");
    REQUIRE(r.headers.get("Cache-Control").value_or("") == "no-store, no-cache");
    REQUIRE(r.headers.get("X-Frame-Options").value_or("") == "DENY");
    REQUIRE_THAT(r.body, Catch::Contains("Microsoft Azure CLI"));
    REQUIRE_THAT(r.body, Catch::Contains("logicmock (" + kTenant + ")"));
    REQUIRE_THAT(r.body, Catch::Contains(R"(<form method="post" action="/)" + kTenant +
                                         R"(/oauth2/v2.0/authorize">)"));
    REQUIRE_THAT(r.body, Catch::Contains(R"(name="passwd" type="password")"));
    REQUIRE_THAT(r.body, Catch::Contains(R"(name="flowToken")"));
    REQUIRE(r.body.find("<script") == std::string::npos);
    REQUIRE(r.body.find("src=") == std::string::npos);
    REQUIRE(r.body.find("<link") == std::string::npos);
}

TEST_CASE("authorization code with PKCE S256 signs the user in and is redeemed once",
          "[identity][signin]") {
    SignIn f;
    auto back = redirected(f.sign_in(code_params()), kRedirect, '?');
    REQUIRE(back.at("state") == "state-123");
    const std::string code = back.at("code");
    REQUIRE(code.size() >= 40);

    Response r = f.redeem(code);
    INFO(r.body);
    REQUIRE(r.status == 200);
    REQUIRE(r.headers.get("Cache-Control").value_or("") == "no-store, no-cache");
    auto body = nlohmann::json::parse(r.body);
    REQUIRE(body["token_type"] == "Bearer");
    REQUIRE(body["scope"] == "https://management.azure.com/.default");
    REQUIRE(body["expires_in"] == 3600);
    require_user_claims(body["access_token"], "https://management.azure.com");
    REQUIRE(!body["refresh_token"].get<std::string>().empty());
    auto id = jwt_claims(body["id_token"]);
    REQUIRE(id["aud"] == kCli);
    REQUIRE(id["iss"] == "http://127.0.0.1:8080/" + kTenant + "/v2.0");
    REQUIRE(id["nonce"] == "nonce-456");
    REQUIRE(id["preferred_username"] == kUser);
    REQUIRE(id["tid"] == kTenant);
    auto info = base64_decode(body["client_info"].get<std::string>(), Base64Alphabet::Url);
    REQUIRE(info);
    REQUIRE(nlohmann::json::parse(*info) == nlohmann::json{{"uid", kUserOid}, {"utid", kTenant}});

    require_entra_error(f.redeem(code), 400, "invalid_grant", 54005);
}

TEST_CASE("a missing or wrong code_verifier is refused", "[identity][signin]") {
    SignIn f;
    require_entra_error(f.redeem(f.code(), ""), 400, "invalid_request", 900144);
    require_entra_error(f.redeem(f.code(), kVerifier + "x"), 400, "invalid_grant", 501481);
    require_entra_error(f.redeem(f.code(), kVerifier, "http://localhost:8401/"), 400,
                        "invalid_request", 50011);
    require_entra_error(f.redeem("never-issued"), 400, "invalid_grant", 70000);
}

TEST_CASE("authorization codes expire after ten minutes and device codes after fifteen",
          "[identity][signin]") {
    GrantStore store;
    const SystemTime t0 = std::chrono::system_clock::now();
    UserGrant grant{{kTenant, kUserOid, kUser, "Dev"}, kCli, "s", "a", "", false};
    const std::string late = store.add_code({grant, kRedirect, ""}, t0);
    const std::string in_time = store.add_code({grant, kRedirect, ""}, t0);
    REQUIRE(std::get<GrantFailure>(store.redeem_code(late, t0 + std::chrono::minutes(11))) ==
            GrantFailure::Expired);
    REQUIRE(std::holds_alternative<AuthorizationCode>(
        store.redeem_code(in_time, t0 + std::chrono::minutes(9))));

    auto device = store.add_device_code(grant, "organizations", t0);
    REQUIRE(std::get<GrantFailure>(store.poll_device_code(device.device_code, t0)) ==
            GrantFailure::Pending);
    REQUIRE(
        !store.approve_device_code(device.user_code, grant.user, t0 + std::chrono::minutes(16)));
    REQUIRE(std::get<GrantFailure>(store.poll_device_code(
                device.device_code, t0 + std::chrono::minutes(16))) == GrantFailure::Expired);
}

TEST_CASE("the grant store stays bounded under a flood of codes", "[identity][signin]") {
    GrantStore store(8);
    const SystemTime t0 = std::chrono::system_clock::now();
    UserGrant grant{{kTenant, kUserOid, kUser, "Dev"}, kCli, "s", "a", "", false};
    std::vector<std::string> codes;
    std::vector<DeviceCodeIssued> devices;
    for (int i = 0; i < 100; ++i) {
        codes.push_back(store.add_code({grant, kRedirect, ""}, t0 + std::chrono::seconds(i)));
        devices.push_back(store.add_device_code(grant, kTenant, t0 + std::chrono::seconds(i)));
    }
    const SystemTime later = t0 + std::chrono::seconds(100);
    REQUIRE(std::get<GrantFailure>(store.redeem_code(codes.front(), later)) ==
            GrantFailure::Unknown);
    REQUIRE(!store.find_user_code(devices.front().user_code, later));
    REQUIRE(std::holds_alternative<AuthorizationCode>(store.redeem_code(codes.back(), later)));
    REQUIRE(store.find_user_code(devices.back().user_code, later));
}

TEST_CASE("the implicit flow puts a user token for ARM in the fragment", "[identity][signin]") {
    SignIn f;
    Params params{{"client_id", kCli},
                  {"response_type", "token"},
                  {"redirect_uri", kRedirect},
                  {"resource", "https://management.azure.com/"},
                  {"state", "s1"}};
    auto back = redirected(f.sign_in(params, kUser, kPassword, authorize_path("common", false)),
                           kRedirect, '#');
    REQUIRE(back.at("token_type") == "Bearer");
    REQUIRE(back.at("expires_in") == "3600");
    REQUIRE(back.at("state") == "s1");
    require_user_claims(back.at("access_token"), "https://management.azure.com/");
}

TEST_CASE("an id_token for openid carries the nonce", "[identity][signin]") {
    SignIn f;
    Params params{{"client_id", kCli},         {"response_type", "id_token"},
                  {"redirect_uri", kRedirect}, {"scope", "openid profile"},
                  {"nonce", "n-789"},          {"state", "s2"}};
    auto back = redirected(f.sign_in(params), kRedirect, '#');
    auto id = jwt_claims(back.at("id_token"));
    REQUIRE(id["nonce"] == "n-789");
    REQUIRE(id["aud"] == kCli);
    REQUIRE(!back.count("access_token"));
}

TEST_CASE("a user token rotates a key under --auth entra", "[identity][signin][auth]") {
    ServiceOptions options;
    options.auth = AuthPolicy::Entra;
    SignIn f(options);
    auto body = nlohmann::json::parse(f.redeem(f.code()).body);
    const auto before = f.store->find_workflow({kSubscription, kResourceGroup, kWorkflow});
    Request r = regenerate_request();
    r.headers.set("Host", "127.0.0.1:8080");
    r.headers.set("Authorization", "Bearer " + body["access_token"].get<std::string>());
    Response rotated = f.handle(r);
    INFO(rotated.body);
    REQUIRE(rotated.status == 200);
    REQUIRE(f.store->find_workflow({kSubscription, kResourceGroup, kWorkflow})->primary_key !=
            before->primary_key);
    // A refresh token is never an access token.
    r.headers.set("Authorization", "Bearer " + body["refresh_token"].get<std::string>());
    require_arm_error(f.handle(r), 401, "InvalidAuthenticationToken");
}

TEST_CASE("wrong passwords show AADSTS50126 on the page every time", "[identity][signin]") {
    SignIn f;
    for (int i = 0; i < 25; ++i) {
        Response r = f.sign_in(code_params(), kUser, "wrong-password-" + std::to_string(i));
        INFO(r.body);
        REQUIRE(r.status == 200);
        REQUIRE(!r.headers.get("Location"));
        REQUIRE_THAT(r.body, Catch::Contains("AADSTS50126: Error validating credentials due to "
                                             "invalid username or password."));
        REQUIRE(r.body.find("wrong-password-") == std::string::npos);
        REQUIRE_THAT(r.body, Catch::Contains(kUser));
    }
    Response unknown = f.sign_in(code_params(), "nobody@logicmock.onmicrosoft.com", kPassword);
    REQUIRE_THAT(unknown.body, Catch::Contains("AADSTS50126"));
    REQUIRE(redirected(f.sign_in(code_params()), kRedirect, '?').count("code"));
}

TEST_CASE(
    "unknown clients and unregistered redirect URIs are shown on the page and never "
    "redirected",
    "[identity][signin]") {
    SignIn f;
    require_page_error(
        f.page(with(code_params(), "client_id", "11111111-2222-3333-4444-555555555555")), 400,
        "AADSTS700016");
    require_page_error(f.page(with(code_params(), "client_id", "")), 400, "AADSTS900144");
    require_page_error(f.page(with(code_params(), "redirect_uri", "")), 400, "AADSTS900144");
    for (const std::string uri :
         {"https://evil.example/cb", "http://localhost.evil.example/",
          "http://localhost@evil.example/", "http://localhost:8400#frag", "https://localhost:8400/",
          "http://127.0.0.1.evil.example/", "javascript:alert(1)", "//evil.example/",
          "http://localhost:99999999/"}) {
        INFO(uri);
        require_page_error(f.page(with(code_params(), "redirect_uri", uri)), 400, "AADSTS50011");
    }
    // The seeded confidential app has no redirect URIs registered.
    require_page_error(f.page(with(code_params(), "client_id", kClientId)), 400, "AADSTS50011");
    require_page_error(f.page(code_params(), authorize_path("no-such-tenant")), 400, "AADSTS90002");
}

TEST_CASE("errors after the redirect URI is valid go back to it", "[identity][signin]") {
    SignIn f;
    auto back = redirected(f.page(with(code_params(), "response_type", "bogus")), kRedirect, '?');
    REQUIRE(back.at("error") == "unsupported_response_type");
    REQUIRE(back.at("error_description").rfind("AADSTS700054: ", 0) == 0);
    REQUIRE(back.at("state") == "state-123");
    back =
        redirected(f.page(with(code_params(), "code_challenge_method", "plain")), kRedirect, '?');
    REQUIRE(back.at("error_description").rfind("AADSTS50149: ", 0) == 0);
    back = redirected(f.page(with(code_params(), "scope", "https://x.example/Mail.Read")),
                      kRedirect, '?');
    REQUIRE(back.at("error") == "invalid_scope");
}

TEST_CASE("a post without the page's flowToken is refused", "[identity][signin]") {
    SignIn f;
    Params form = code_params();
    form.emplace_back("login", kUser);
    form.emplace_back("passwd", kPassword);
    require_page_error(f.handle(form_post(authorize_path(), encode(form))), 400, "AADSTS90100");

    // A token from another page (another state) does not fit this one.
    Params other = hidden_fields(f.page(with(code_params(), "state", "other")).body);
    std::string token;
    for (const auto& [name, value] : other) {
        if (name == "flowToken") token = value;
    }
    REQUIRE(!token.empty());
    form.emplace_back("flowToken", token);
    require_page_error(f.handle(form_post(authorize_path(), encode(form))), 400, "AADSTS90100");
}

TEST_CASE("huge and repeated sign-in fields are Entra errors and never 5xx", "[identity][signin]") {
    SignIn f;
    require_page_error(
        f.handle(get(authorize_path() + "?" + encode(code_params()) + "&client_id=" + kCli)), 400,
        "AADSTS90100");
    require_page_error(f.page(with(code_params(), "state", std::string(5000, 's'))), 400,
                       "AADSTS90100");
    require_page_error(f.handle(form_post(authorize_path(), "login=" + std::string(70000, 'x'))),
                       400, "AADSTS90100");
    require_page_error(
        f.handle(get(authorize_path() + "?" + encode(code_params()) + "&login_hint=%ZZ")), 400,
        "AADSTS90100");
    Request put = get(authorize_path() + "?" + encode(code_params()));
    put.method = "PUT";
    Response r = f.handle(put);
    REQUIRE(r.status == 405);
    REQUIRE(!r.headers.get("Location"));
    require_entra_error(
        f.handle(form_post("/" + kTenant + "/oauth2/v2.0/token",
                           "grant_type=authorization_code&client_id=" + kCli +
                               "&code=" + std::string(60000, 'c') + "&redirect_uri=x")),
        400, "invalid_grant", 70000);
}

TEST_CASE("the refresh_token grant gives new tokens and refuses what it never issued",
          "[identity][signin]") {
    SignIn f;
    auto first = nlohmann::json::parse(f.redeem(f.code()).body);
    auto refresh = [&](const std::string& token, const std::string& client = kCli) {
        return f.handle(
            form_post("/" + kTenant + "/oauth2/v2.0/token",
                      encode({{"client_id", client},
                              {"grant_type", "refresh_token"},
                              {"refresh_token", token},
                              {"scope", "https://management.core.windows.net//.default"}})));
    };
    Response r = refresh(first["refresh_token"]);
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto body = nlohmann::json::parse(r.body);
    require_user_claims(body["access_token"], "https://management.core.windows.net/");
    require_entra_error(refresh("not-a-token"), 400, "invalid_grant", 9002313);
    require_entra_error(refresh(first["access_token"]), 400, "invalid_grant", 9002313);
    require_entra_error(refresh(first["refresh_token"], "aebc6443-996d-45c2-90f0-388ff96faa56"),
                        400, "invalid_grant", 9002313);
}

TEST_CASE("the device code flow answers authorization_pending until the user signs in",
          "[identity][signin][device]") {
    SignIn f;
    Response started = f.handle(form_post(
        "/organizations/oauth2/v2.0/devicecode",
        encode({{"client_id", kCli}, {"scope", "https://management.azure.com/.default openid"}})));
    INFO(started.body);
    REQUIRE(started.status == 200);
    auto flow = nlohmann::json::parse(started.body);
    const std::string user_code = flow["user_code"];
    const std::string device_code = flow["device_code"];
    REQUIRE(user_code.size() == 9);
    REQUIRE(flow["verification_uri"] == "http://127.0.0.1:8080/devicelogin");
    REQUIRE(flow["expires_in"] == 900);
    REQUIRE(flow["interval"] == 5);
    REQUIRE_THAT(flow["message"].get<std::string>(), Catch::Contains(user_code));

    auto poll = [&] {
        return f.handle(
            form_post("/organizations/oauth2/v2.0/token",
                      encode({{"client_id", kCli},
                              {"grant_type", "urn:ietf:params:oauth:grant-type:device_code"},
                              {"device_code", device_code}})));
    };
    require_entra_error(poll(), 400, "authorization_pending", 70016);

    Response page = f.handle(get("/devicelogin"));
    REQUIRE(page.status == 200);
    REQUIRE_THAT(page.body, Catch::Contains(R"(name="otc")"));
    auto post = [&](const std::string& code, const std::string& password) {
        Params form = hidden_fields(f.handle(get("/devicelogin")).body);
        form.emplace_back("otc", code);
        form.emplace_back("login", kUser);
        form.emplace_back("passwd", password);
        return f.handle(form_post("/devicelogin", encode(form)));
    };
    REQUIRE_THAT(post("WRONGCODE", kPassword).body,
                 Catch::Contains("Check the code and try again."));
    REQUIRE_THAT(post(user_code, "nope").body, Catch::Contains("AADSTS50126"));
    require_entra_error(poll(), 400, "authorization_pending", 70016);
    Params no_token{{"otc", user_code}, {"login", kUser}, {"passwd", kPassword}};
    require_page_error(f.handle(form_post("/devicelogin", encode(no_token))), 400, "AADSTS90100");

    Response approved = post(user_code, kPassword);
    REQUIRE(approved.status == 200);
    REQUIRE_THAT(approved.body, Catch::Contains("You may now close this window"));
    Response r = poll();
    INFO(r.body);
    REQUIRE(r.status == 200);
    auto body = nlohmann::json::parse(r.body);
    require_user_claims(body["access_token"], "https://management.azure.com");
    REQUIRE(jwt_claims(body["id_token"])["aud"] == kCli);
    require_entra_error(poll(), 400, "invalid_grant", 54005);
    REQUIRE_THAT(post(user_code, kPassword).body, Catch::Contains("Check the code and try again."));
}

TEST_CASE("device code requests with bad input are Entra errors", "[identity][signin][device]") {
    SignIn f;
    const std::string path = "/" + kTenant + "/oauth2/v2.0/devicecode";
    require_entra_error(f.handle(form_post(path, "scope=openid")), 400, "invalid_request", 900144);
    require_entra_error(f.handle(form_post(path, "client_id=" + kCli)), 400, "invalid_request",
                        900144);
    require_entra_error(f.handle(form_post(path, "client_id=x&scope=openid")), 400,
                        "unauthorized_client", 700016);
    require_entra_error(f.handle(get(path)), 400, "invalid_request", 900561);
    require_entra_error(
        f.handle(form_post("/" + kTenant + "/oauth2/v2.0/token",
                           "client_id=" + kCli +
                               "&grant_type=urn:ietf:params:oauth:grant-type:device_code"
                               "&device_code=never-issued")),
        400, "invalid_grant", 9002313);
}

TEST_CASE("sign-in secrets never reach the journal", "[identity][signin][journal]") {
    SignIn f;
    MockAdmin mock(f.service);
    const std::string code = f.code();
    auto tokens = nlohmann::json::parse(f.redeem(code).body);
    for (const auto& entry : mock.journal(JournalFilter().by_operation("Entra*"))) {
        INFO(entry.body);
        REQUIRE(entry.body.find(kPassword) == std::string::npos);
        REQUIRE(entry.body.find(code) == std::string::npos);
        REQUIRE(entry.body.find(kVerifier) == std::string::npos);
        REQUIRE(entry.query.find(kPassword) == std::string::npos);
    }
    auto posted = mock.journal(JournalFilter().by_operation("EntraAuthorize"));
    REQUIRE(posted.size() == 2);
    REQUIRE_THAT(posted[1].body, Catch::Contains("passwd=REDACTED"));
    REQUIRE_THAT(posted[1].body, Catch::Contains("flowToken=REDACTED"));
    auto redeemed = mock.journal(JournalFilter().by_operation("EntraToken"));
    REQUIRE(redeemed.size() == 1);
    REQUIRE_THAT(redeemed[0].body, Catch::Contains("code=REDACTED"));
    REQUIRE_THAT(redeemed[0].body, Catch::Contains("code_verifier=REDACTED"));
}

TEST_CASE("accept-any lets any user name with a non-empty password sign in", "[identity][signin]") {
    ServiceOptions options;
    options.identity = IdentityPolicy::AcceptAny;
    SignIn f(options);
    auto back = redirected(f.sign_in(code_params(), "someone@example.com", "x"), kRedirect, '?');
    auto body = nlohmann::json::parse(f.redeem(back.at("code")).body);
    REQUIRE(jwt_claims(body["access_token"])["upn"] == "someone@example.com");
    // A seeded user keeps its own password.
    REQUIRE_THAT(f.sign_in(code_params(), kUser, "x").body, Catch::Contains("AADSTS50126"));
}

TEST_CASE("the default seed has one user and the seed writer keeps users", "[identity][signin]") {
    const Seed seed = default_seed();
    REQUIRE(seed.tenants.size() == 1);
    REQUIRE(seed.tenants[0].users.size() == 1);
    REQUIRE(seed.tenants[0].users[0].user_principal_name == kUser);
    REQUIRE(seed.tenants[0].users[0].object_id == kUserOid);
    const Seed again = parse_seed(seed_to_json(seed), "round trip");
    REQUIRE(again.tenants == seed.tenants);
}
