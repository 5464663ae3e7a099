// --auth entra: ARM's front door accepts only tokens this server's Entra ID signed, for a known
// principal, in time, for a management audience (or this server), from the subscription's
// tenant. Forged and broken tokens are 401s with ARM's codes, never 5xx.

#include <openssl/hmac.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "identity/identity_test_support.hpp"
#include "identity/tokens/jwt.hpp"
#include "identity/tokens/signing_key.hpp"
#include "pipeline_test_support.hpp"
#include "util/base64.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

const std::string kOtherTenant = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const std::string kOtherClient = "12345678-1234-4234-8234-123456789abc";

std::string b64(const std::string& bytes) {
    return base64_encode(bytes, Base64Alphabet::Url, false);
}

std::int64_t now_s() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A server whose signing key the test can read, so it can mint tokens with chosen claims.
struct EntraFixture {
    EntraFixture() {
        Seed seed = default_seed();
        seed.tenants.push_back(
            TenantRecord{kOtherTenant,
                         "other",
                         "",
                         {{kOtherClient, kOtherClient, "other-app", {"s3cret"}, {}}},
                         {}});
        store = make_memory_store(seed);
        ServiceOptions options;
        options.auth = AuthPolicy::Entra;
        options.signing_key_file = key_path;
        options.self_base_url = "http://127.0.0.1:8080";
        service = std::make_unique<Service>(options, store);
        key = std::make_unique<SigningKey>(SigningKey::from_pem_file(key_path));
    }
    ~EntraFixture() { std::filesystem::remove(key_path); }

    nlohmann::json claims(std::int64_t offset = 0) const {
        const std::int64_t now = now_s() + offset;
        return {{"aud", "https://management.azure.com/"},
                {"iss", "https://sts.windows.net/" + kTenant + "/"},
                {"iat", now},
                {"nbf", now},
                {"exp", now + 3600},
                {"appid", kClientId},
                {"oid", kObjectId},
                {"sub", kObjectId},
                {"tid", kTenant},
                {"ver", "1.0"}};
    }
    std::string sign(const nlohmann::json& c) const { return sign_jwt(c, *key); }

    Response rotate(const std::string& token) const {
        Request r = regenerate_request();
        r.headers.set("Host", "127.0.0.1:8080");
        r.headers.set("Authorization", "Bearer " + token);
        return service->handle(r);
    }
    WorkflowRecord workflow() const {
        return *store->find_workflow({kSubscription, kResourceGroup, kWorkflow});
    }

    std::string key_path = (std::filesystem::temp_directory_path() /
                            ("logicmock-key-" + std::to_string(::getpid()) + "-" +
                             std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".pem"))
                               .string();
    std::shared_ptr<WorkflowStore> store;
    std::unique_ptr<Service> service;
    std::unique_ptr<SigningKey> key;
};

void require_rejected(const EntraFixture& f, const std::string& token, const std::string& code) {
    const WorkflowRecord before = f.workflow();
    Response r = f.rotate(token);
    require_arm_error(r, 401, code);
    REQUIRE(f.workflow().primary_key == before.primary_key);
}

}  // namespace

TEST_CASE("a token from the token endpoint rotates a key under --auth entra", "[identity][auth]") {
    EntraFixture f;
    Response issued = f.service->handle(token_request());
    REQUIRE(issued.status == 200);
    const std::string token = nlohmann::json::parse(issued.body)["access_token"];
    const WorkflowRecord before = f.workflow();
    Response r = f.rotate(token);
    REQUIRE(r.status == 200);
    REQUIRE(f.workflow().primary_key != before.primary_key);
    // Verified once, then from the cache: still accepted.
    REQUIRE(f.rotate(token).status == 200);
    REQUIRE(f.workflow().primary_rotations == before.primary_rotations + 2);
}

TEST_CASE("a --signing-key file keeps the key across restarts", "[identity][auth]") {
    EntraFixture f;
    const std::string token =
        nlohmann::json::parse(f.service->handle(token_request()).body)["access_token"];
    ServiceOptions options;
    options.auth = AuthPolicy::Entra;
    options.signing_key_file = f.key_path;
    Service restarted(options, f.store);
    Request r = regenerate_request();
    r.headers.set("Authorization", "Bearer " + token);
    REQUIRE(restarted.handle(r).status == 200);
    // Without the file, a restart has a new key and the old token is refused.
    ServiceOptions generated;
    generated.auth = AuthPolicy::Entra;
    Service fresh(generated, f.store);
    require_arm_error(fresh.handle(r), 401, "InvalidAuthenticationToken");
}

TEST_CASE("forged and broken tokens are 401 InvalidAuthenticationToken", "[identity][auth]") {
    EntraFixture f;
    const std::string good = f.sign(f.claims());
    REQUIRE(f.rotate(good).status == 200);
    const std::string payload = b64(f.claims().dump());

    SECTION("alg none") {
        require_rejected(f, b64(R"({"alg":"none","typ":"JWT"})") + "." + payload + ".",
                         "InvalidAuthenticationToken");
    }
    SECTION("HS256 signed with the public key") {
        const std::string public_pem = "-----BEGIN PUBLIC KEY-----";  // what an attacker knows
        const std::string input =
            b64(R"({"alg":"HS256","typ":"JWT","kid":")" + f.key->kid() + R"("})") + "." + payload;
        for (const std::string& secret : {public_pem, f.key->modulus()}) {
            unsigned char mac[32];
            unsigned int size = 0;
            HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
                 reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &size);
            require_rejected(f, input + "." + b64(std::string(reinterpret_cast<char*>(mac), size)),
                             "InvalidAuthenticationToken");
        }
    }
    SECTION("another key: unknown kid, or our kid with another key's signature") {
        SigningKey other = SigningKey::generate();
        const std::string foreign = sign_jwt(f.claims(), other);
        require_rejected(f, foreign, "InvalidAuthenticationToken");
        const std::string header =
            b64(R"({"alg":"RS256","typ":"JWT","kid":")" + f.key->kid() + R"("})");
        require_rejected(f, header + "." + payload + "." + b64(other.sign(header + "." + payload)),
                         "InvalidAuthenticationToken");
    }
    SECTION("tampered payload") {
        nlohmann::json claims = f.claims();
        claims["aud"] = "https://management.azure.com";
        const auto first = good.find('.'), second = good.find('.', first + 1);
        require_rejected(f, good.substr(0, first + 1) + b64(claims.dump()) + good.substr(second),
                         "InvalidAuthenticationToken");
    }
    SECTION("truncated, not base64, three dots, 64 KB") {
        require_rejected(f, good.substr(0, good.size() - 7), "InvalidAuthenticationToken");
        require_rejected(f, good.substr(0, good.rfind('.')), "InvalidAuthenticationToken");
        require_rejected(f, "a$b.c$d.e$f", "InvalidAuthenticationToken");
        require_rejected(f, good + ".x", "InvalidAuthenticationToken");
        require_rejected(f, std::string(64 * 1024, 'A'), "InvalidAuthenticationToken");
        require_rejected(f, good.substr(0, good.rfind('.') + 1) + std::string(64 * 1024, 'A'),
                         "InvalidAuthenticationToken");
        require_rejected(f, make_jwt(f.claims()), "InvalidAuthenticationToken");  // unsigned
    }
    SECTION("a signed token whose issuer does not name its tenant, or with claims missing") {
        nlohmann::json claims = f.claims();
        claims["iss"] = "https://login.microsoftonline.com/" + kTenant + "/v2.0";
        require_rejected(f, f.sign(claims), "InvalidAuthenticationToken");
        for (const char* name : {"tid", "oid", "appid", "exp", "nbf", "aud"}) {
            nlohmann::json partial = f.claims();
            partial.erase(name);
            require_rejected(f, f.sign(partial), "InvalidAuthenticationToken");
        }
        nlohmann::json wrong_type = f.claims();
        wrong_type["exp"] = "tomorrow";
        require_rejected(f, f.sign(wrong_type), "InvalidAuthenticationToken");
    }
    SECTION("a principal the directory does not hold") {
        nlohmann::json claims = f.claims();
        claims["appid"] = "00000000-1111-4222-8333-444444444444";
        require_rejected(f, f.sign(claims), "InvalidAuthenticationToken");
        claims = f.claims();
        claims["oid"] = kOtherClient;
        require_rejected(f, f.sign(claims), "InvalidAuthenticationToken");
    }
}

TEST_CASE("time and audience checks use ARM's codes and texts", "[identity][auth]") {
    EntraFixture f;
    SECTION("expired") {
        nlohmann::json claims = f.claims(-7200);
        require_rejected(f, f.sign(claims), "ExpiredAuthenticationToken");
        REQUIRE_THAT(error_message(f.rotate(f.sign(claims))),
                     Catch::StartsWith("The access token expiry UTC time '"));
    }
    SECTION("not yet valid (beyond five minutes of skew)") {
        require_rejected(f, f.sign(f.claims(3600)), "InvalidAuthenticationToken");
        REQUIRE(f.rotate(f.sign(f.claims(120))).status == 200);
    }
    SECTION("wrong audience") {
        nlohmann::json claims = f.claims();
        claims["aud"] = "https://graph.microsoft.com";
        require_rejected(f, f.sign(claims), "InvalidAuthenticationTokenAudience");
        REQUIRE(error_message(f.rotate(f.sign(claims))) ==
                "The access token has been obtained for wrong audience or resource "
                "'https://graph.microsoft.com'. It should exactly match with one of the allowed "
                "audiences 'https://management.core.windows.net/',"
                "'https://management.core.windows.net','https://management.azure.com/',"
                "'https://management.azure.com'.");
    }
    SECTION("this server's own base URL is an audience (@azure/arm-logic asks for it)") {
        for (const char* aud : {"http://127.0.0.1:8080", "http://127.0.0.1:8080/",
                                "https://management.core.windows.net/"}) {
            nlohmann::json claims = f.claims();
            claims["aud"] = aud;
            REQUIRE(f.rotate(f.sign(claims)).status == 200);
        }
        nlohmann::json claims = f.claims();
        claims["aud"] = "http://127.0.0.1:9999";
        require_rejected(f, f.sign(claims), "InvalidAuthenticationTokenAudience");
    }
}

TEST_CASE("a token from another tenant is InvalidAuthenticationTokenTenant", "[identity][auth]") {
    EntraFixture f;
    Response issued = f.service->handle(
        form_post("/" + kOtherTenant + "/oauth2/v2.0/token",
                  "client_id=" + kOtherClient +
                      "&grant_type=client_credentials&client_secret=s3cret&scope=" + kArmScope));
    REQUIRE(issued.status == 200);
    const std::string token = nlohmann::json::parse(issued.body)["access_token"];
    require_rejected(f, token, "InvalidAuthenticationTokenTenant");
    REQUIRE(error_message(f.rotate(token)) ==
            "The access token is from the wrong issuer 'https://sts.windows.net/" + kOtherTenant +
                "/'. It must match the tenant 'https://sts.windows.net/" + kTenant +
                "/' associated with this subscription. Please use the authority (URL) "
                "'https://login.windows.net/" +
                kTenant +
                "' to get the token. Note, if the subscription is transferred to another tenant "
                "there is no impact to the services, but information about new tenant could take "
                "time to propagate (up to an hour). If you just transferred your subscription and "
                "see this error message, please try back later.");
}

TEST_CASE("missing and malformed Authorization headers keep their codes under entra",
          "[identity][auth]") {
    EntraFixture f;
    Request r = regenerate_request();
    r.headers = Headers{{"Content-Type", "application/json"}};
    require_arm_error(f.service->handle(r), 401, "AuthenticationFailed");
    r.headers.set("Authorization", "Basic abc");
    require_arm_error(f.service->handle(r), 401, "AuthenticationFailedInvalidHeader");
}
