// Every row of ARM's front door through Service::handle, without sockets: status, code,
// exact message for the texts ARM is known to send, headers, and the key state after.

#include <catch2/catch.hpp>

#include "logicmock/schema_validator.hpp"
#include "pipeline_test_support.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

void require_keys_unchanged(const ServiceFixture& f, const WorkflowRecord& before) {
    auto after = f.workflow();
    REQUIRE(after.primary_key == before.primary_key);
    REQUIRE(after.secondary_key == before.secondary_key);
    REQUIRE(after.primary_rotations == before.primary_rotations);
    REQUIRE(after.secondary_rotations == before.secondary_rotations);
}

}  // namespace

TEST_CASE("the published sample request regenerates the primary key", "[pipeline]") {
    ServiceFixture f;
    auto before = f.workflow();
    Response r = f.service.handle(regenerate_request(R"({"keyType": "Primary"})"));
    REQUIRE(r.status == 200);
    REQUIRE(r.body.empty());
    auto after = f.workflow();
    REQUIRE(after.primary_key != before.primary_key);
    REQUIRE(after.secondary_key == before.secondary_key);
    REQUIRE(after.primary_rotations == before.primary_rotations + 1);
}

TEST_CASE("Secondary rotates only the secondary key", "[pipeline]") {
    ServiceFixture f;
    auto before = f.workflow();
    REQUIRE(f.service.handle(regenerate_request(R"({"keyType":"Secondary"})")).status == 200);
    auto after = f.workflow();
    REQUIRE(after.secondary_key != before.secondary_key);
    REQUIRE(after.primary_key == before.primary_key);
    REQUIRE(after.secondary_rotations == 1);
}

TEST_CASE("NotSpecified and an absent keyType rotate the primary key by default", "[pipeline]") {
    ServiceFixture f;
    for (const char* body : {R"({"keyType":"NotSpecified"})", "{}"}) {
        auto before = f.workflow();
        REQUIRE(f.service.handle(regenerate_request(body)).status == 200);
        REQUIRE(f.workflow().primary_key != before.primary_key);
        REQUIRE(f.workflow().secondary_key == before.secondary_key);
    }
}

TEST_CASE("not-specified policy reject refuses NotSpecified with 400", "[pipeline]") {
    ServiceOptions options;
    options.not_specified = NotSpecifiedPolicy::Reject;
    ServiceFixture f(options);
    auto before = f.workflow();
    for (const char* body : {R"({"keyType":"NotSpecified"})", "{}"}) {
        Response r = f.service.handle(regenerate_request(body));
        require_arm_error(r, 400, "InvalidRequestContent");
        REQUIRE_THAT(error_message(r), Catch::Contains("'Primary', 'Secondary'"));
    }
    REQUIRE(f.service.handle(regenerate_request(R"({"keyType":"Primary"})")).status == 200);
    REQUIRE(f.workflow().primary_rotations == before.primary_rotations + 1);
}

TEST_CASE("unknown routes answer 404 and wrong methods 405 with Allow", "[pipeline][route]") {
    ServiceFixture f;
    Request r = regenerate_request();
    r.target = workflow_path() + "/regenerateKey?api-version=2019-05-01";
    Response not_found = f.service.handle(r);
    require_arm_error(not_found, 404, "InvalidResourceType");
    REQUIRE(error_message(not_found) ==
            "The resource type 'workflows/regenerateKey' could not be found in the namespace "
            "'Microsoft.Logic' for api version '2019-05-01'.");
    REQUIRE(header(not_found, "x-ms-failure-cause") == "gateway");

    r.target = "/nowhere";
    require_arm_error(f.service.handle(r), 404, "InvalidResourceType");

    r = regenerate_request();
    r.method = "GET";
    Response wrong_method = f.service.handle(r);
    require_arm_error(wrong_method, 405, "MethodNotAllowed");
    REQUIRE(header(wrong_method, "Allow") == "POST");
}

TEST_CASE("api-version is checked before authentication", "[pipeline][api-version]") {
    ServiceFixture f;
    auto before = f.workflow();
    Request r = regenerate_request();
    r.headers = Headers{};  // no Authorization either: api-version must win
    r.target = workflow_path() + "/regenerateAccessKey";
    Response missing = f.service.handle(r);
    require_arm_error(missing, 400, "MissingApiVersionParameter");
    REQUIRE(error_message(missing) ==
            "The api-version query parameter (?api-version=) is required for all requests.");
    REQUIRE(header(missing, "x-ms-failure-cause") == "gateway");

    r.target = regenerate_target("2019-05-02");
    Response unsupported = f.service.handle(r);
    require_arm_error(unsupported, 400, "NoRegisteredProviderFound");
    REQUIRE_THAT(error_message(unsupported),
                 Catch::StartsWith("No registered resource provider found for location 'westus' "
                                   "and API version '2019-05-02' for type 'workflows'. The "
                                   "supported api-versions are '2016-06-01, 2018-07-01-preview, "
                                   "2019-05-01'. The supported locations are '"));
    require_keys_unchanged(f, before);
}

TEST_CASE("every api-version that defines the operation is accepted", "[pipeline][api-version]") {
    ServiceFixture f;
    for (const char* version : {"2016-06-01", "2018-07-01-preview", "2019-05-01"}) {
        Request r = regenerate_request();
        r.target = regenerate_target(version);
        REQUIRE(f.service.handle(r).status == 200);
    }
    Request r = regenerate_request();
    r.target = regenerate_target("2015-02-01-preview");
    require_arm_error(f.service.handle(r), 400, "NoRegisteredProviderFound");
}

TEST_CASE("a missing Authorization header gets 401 with ARM's challenge", "[pipeline][auth]") {
    ServiceFixture f;
    auto before = f.workflow();
    Request r = regenerate_request();
    r.headers = Headers{};
    r.headers.add("Content-Type", "application/json");
    Response res = f.service.handle(r);
    require_arm_error(res, 401, "AuthenticationFailed");
    REQUIRE(error_message(res) == "Authentication failed. The 'Authorization' header is missing.");
    REQUIRE(header(res, "WWW-Authenticate") ==
            "Bearer authorization_uri=\"https://login.windows.net/\", error=\"invalid_token\", "
            "error_description=\"The authentication failed because of missing 'Authorization' "
            "header.\"");
    REQUIRE(header(res, "x-ms-failure-cause") == "gateway");
    require_keys_unchanged(f, before);
}

TEST_CASE("an Authorization header that is not 'Bearer <token>' is refused", "[pipeline][auth]") {
    ServiceFixture f;
    for (const char* value : {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "token", "Bearer a b"}) {
        Request r = regenerate_request();
        r.headers.set("Authorization", value);
        Response res = f.service.handle(r);
        INFO(value);
        require_arm_error(res, 401, "AuthenticationFailedInvalidHeader");
        REQUIRE(error_message(res) ==
                "Authentication failed. The 'Authorization' header is provided in an invalid "
                "format.");
    }
    Request lower = regenerate_request();
    lower.headers.set("Authorization", "bearer abc");
    REQUIRE(f.service.handle(lower).status == 200);
}

TEST_CASE("auth policy static accepts only the configured token", "[pipeline][auth]") {
    ServiceOptions options;
    options.auth = AuthPolicy::Static;
    options.static_token = "s3cret";
    ServiceFixture f(options);
    Request r = regenerate_request();
    r.headers.set("Authorization", "Bearer wrong");
    Response res = f.service.handle(r);
    require_arm_error(res, 401, "InvalidAuthenticationToken");
    REQUIRE(error_message(res) == "The access token is invalid.");
    REQUIRE(res.body.find("wrong") == std::string::npos);
    r.headers.set("Authorization", "Bearer s3cret");
    REQUIRE(f.service.handle(r).status == 200);
}

TEST_CASE("auth policy jwt checks expiry and audience", "[pipeline][auth]") {
    ServiceOptions options;
    options.auth = AuthPolicy::Jwt;
    ServiceFixture f(options);
    auto with_token = [&](const std::string& token) {
        Request r = regenerate_request();
        r.headers.set("Authorization", "Bearer " + token);
        return f.service.handle(r);
    };
    const long future = 4102444800;  // 2100-01-01

    SECTION("a valid token for the management audience") {
        for (const char* aud :
             {"https://management.azure.com/", "https://management.core.windows.net"}) {
            REQUIRE(with_token(make_jwt({{"aud", aud}, {"exp", future}})).status == 200);
        }
    }
    SECTION("an expired token") {
        Response r =
            with_token(make_jwt({{"aud", "https://management.azure.com/"}, {"exp", 1600000000}}));
        require_arm_error(r, 401, "ExpiredAuthenticationToken");
        REQUIRE_THAT(error_message(r),
                     Catch::Matches("The access token expiry UTC time '9/13/2020 12:26:40 PM' is "
                                    "earlier than current UTC time '\\d+/\\d+/\\d{4} \\d+:\\d\\d:"
                                    "\\d\\d (AM|PM)'\\."));
    }
    SECTION("a token for another audience") {
        Response r =
            with_token(make_jwt({{"aud", "https://graph.microsoft.com"}, {"exp", future}}));
        require_arm_error(r, 401, "InvalidAuthenticationTokenAudience");
        REQUIRE_THAT(error_message(r),
                     Catch::StartsWith("The access token has been obtained for wrong audience or "
                                       "resource 'https://graph.microsoft.com'. It should exactly "
                                       "match with one of the allowed audiences "
                                       "'https://management.core.windows.net/',"));
    }
    SECTION("tokens that are not JWTs") {
        for (const char* token : {"not-a-jwt", "a.b.c", "e30.e30.sig", "x.!!!.y"}) {
            INFO(token);
            require_arm_error(with_token(token), 401, "InvalidAuthenticationToken");
        }
    }
}

TEST_CASE("unknown subscription, resource group and workflow get ARM's 404s",
          "[pipeline][lookup]") {
    ServiceFixture f;
    auto before = f.workflow();
    auto post_to = [&](const std::string& path) {
        Request r = regenerate_request();
        r.target = path + "/regenerateAccessKey?api-version=2019-05-01";
        return f.service.handle(r);
    };
    Response sub = post_to(workflow_path("00000000-0000-0000-0000-000000000000"));
    require_arm_error(sub, 404, "SubscriptionNotFound");
    REQUIRE(error_message(sub) ==
            "The subscription '00000000-0000-0000-0000-000000000000' could not be found.");
    REQUIRE(header(sub, "x-ms-failure-cause") == "gateway");

    Response malformed = post_to(workflow_path("not-a-guid"));
    require_arm_error(malformed, 400, "InvalidSubscriptionId");
    REQUIRE(error_message(malformed) ==
            "The provided subscription identifier 'not-a-guid' is malformed or invalid.");

    Response rg = post_to(workflow_path(kSubscription, "otherGroup"));
    require_arm_error(rg, 404, "ResourceGroupNotFound");
    REQUIRE(error_message(rg) == "Resource group 'otherGroup' could not be found.");

    Response wf = post_to(workflow_path(kSubscription, kResourceGroup, "missingWorkflow"));
    require_arm_error(wf, 404, "ResourceNotFound");
    REQUIRE(error_message(wf) ==
            "The Resource 'Microsoft.Logic/workflows/missingWorkflow' under resource group "
            "'testResourceGroup' was not found. For more details please go to "
            "https://aka.ms/ARMResourceNotFoundFix");
    REQUIRE(header(wf, "x-ms-failure-cause").empty());
    require_keys_unchanged(f, before);
}

TEST_CASE("names and literal segments compare case-insensitively", "[pipeline][lookup]") {
    ServiceFixture f;
    Request r = regenerate_request();
    r.target =
        "/SUBSCRIPTIONS/34ADFA4F-CEDF-4DC0-BA29-B6D1A69AB345/resourcegroups/TESTRESOURCEGROUP/"
        "Providers/microsoft.logic/Workflows/TestWorkflowName/REGENERATEACCESSKEY?API-VERSION="
        "2019-05-01";
    REQUIRE(f.service.handle(r).status == 200);
    REQUIRE(f.workflow().primary_rotations == 1);
}

TEST_CASE("path segments are percent-decoded once, after splitting", "[pipeline][lookup]") {
    ServiceFixture f;
    Request r = regenerate_request();
    r.target = workflow_path(kSubscription, "test%52esourceGroup", "test%57orkflowName") +
               "/regenerateAccessKey?api-version=2019-05-01";
    REQUIRE(f.service.handle(r).status == 200);

    r.target = workflow_path(kSubscription, kResourceGroup, "a%2Fb") +
               "/regenerateAccessKey?api-version=2019-05-01";
    Response encoded_slash = f.service.handle(r);
    require_arm_error(encoded_slash, 404, "ResourceNotFound");
    REQUIRE_THAT(error_message(encoded_slash), Catch::Contains("'Microsoft.Logic/workflows/a/b'"));

    r.target = workflow_path(kSubscription, kResourceGroup, "%2541") +
               "/regenerateAccessKey?api-version=2019-05-01";
    REQUIRE_THAT(error_message(f.service.handle(r)), Catch::Contains("workflows/%41'"));
}

TEST_CASE("the media type must be JSON when a body is sent", "[pipeline][body]") {
    ServiceFixture f;
    auto before = f.workflow();
    Request r = regenerate_request();
    r.headers.set("Content-Type", "text/plain");
    Response wrong = f.service.handle(r);
    require_arm_error(wrong, 415, "UnsupportedMediaType");
    REQUIRE(error_message(wrong) ==
            "The content media type 'text/plain' is not supported. Only 'application/json' is "
            "supported.");

    r = regenerate_request();
    r.headers = Headers{};
    r.headers.add("Authorization", "Bearer t");
    Response absent = f.service.handle(r);
    require_arm_error(absent, 415, "UnsupportedMediaType");
    REQUIRE(error_message(absent) ==
            "The content media type '<null>' is not supported. Only 'application/json' is "
            "supported.");
    require_keys_unchanged(f, before);

    r.headers.set("Content-Type", "Application/JSON; charset=utf-8");
    REQUIRE(f.service.handle(r).status == 200);
}

TEST_CASE("the required body may not be empty", "[pipeline][body]") {
    ServiceFixture f;
    Request r = regenerate_request("");
    r.headers = Headers{};
    r.headers.add("Authorization", "Bearer t");
    Response res = f.service.handle(r);
    require_arm_error(res, 400, "InvalidRequestContent");
    REQUIRE(f.workflow().primary_rotations == 0);
}

TEST_CASE("bodies over the limit get 413 before any parsing", "[pipeline][body]") {
    ServiceOptions options;
    options.max_body_bytes = 64;
    ServiceFixture f(options);
    Response r = f.service.handle(
        regenerate_request(R"({"keyType":"Primary","pad":")" + std::string(100, 'x') + "\"}"));
    require_arm_error(r, 413, "RequestEntityTooLarge");
    REQUIRE(f.workflow().primary_rotations == 0);
}

TEST_CASE("malformed JSON is InvalidRequestContent", "[pipeline][body]") {
    ServiceFixture f;
    auto before = f.workflow();
    for (std::string body : {std::string(R"({"keyType":)"), std::string("{'keyType':'Primary'}"),
                             std::string("\xff\xfe{}"), std::string(R"({"keyType":"Pri\xffmary"})"),
                             std::string(100000, '[') + std::string(100000, ']')}) {
        Response r = f.service.handle(regenerate_request(body));
        require_arm_error(r, 400, "InvalidRequestContent");
        REQUIRE_THAT(error_message(r),
                     Catch::StartsWith("The request content was invalid and could not be "
                                       "deserialized: '"));
    }
    require_keys_unchanged(f, before);
}

TEST_CASE("nesting deeper than 64 levels is refused without recursion", "[pipeline][body]") {
    ServiceFixture f;
    std::string deep =
        R"({"keyType":"Primary","x":)" + std::string(64, '[') + std::string(64, ']') + "}";
    Response r = f.service.handle(regenerate_request(deep));
    require_arm_error(r, 400, "InvalidRequestContent");
    REQUIRE_THAT(error_message(r), Catch::Contains("deeper than 64 levels"));
    std::string ok =
        R"({"keyType":"Primary","x":)" + std::string(62, '[') + std::string(62, ']') + "}";
    REQUIRE(f.service.handle(regenerate_request(ok)).status == 200);
}

TEST_CASE("schema failures name the JSON path and the rule", "[pipeline][schema]") {
    ServiceFixture f;
    auto before = f.workflow();
    Response bad_value = f.service.handle(regenerate_request(R"({"keyType":"Tertiary"})"));
    require_arm_error(bad_value, 400, "InvalidRequestContent");
    REQUIRE(error_message(bad_value) ==
            "The request content was invalid and could not be deserialized: 'The value "
            "\"Tertiary\" is not one of the allowed values 'NotSpecified', 'Primary', "
            "'Secondary'. Path 'keyType'.'.");

    Response wrong_case = f.service.handle(regenerate_request(R"({"keyType":"primary"})"));
    require_arm_error(wrong_case, 400, "InvalidRequestContent");

    Response bad_type = f.service.handle(regenerate_request(R"({"keyType":1})"));
    REQUIRE_THAT(
        error_message(bad_type),
        Catch::Contains("The value 1 is not of the required type 'string'. Path 'keyType'."));

    Response not_object = f.service.handle(regenerate_request(R"(["Primary"])"));
    REQUIRE_THAT(error_message(not_object), Catch::Contains("required type 'object'. Path ''."));
    require_keys_unchanged(f, before);
}

TEST_CASE("every response carries ARM's headers", "[pipeline][headers]") {
    ServiceOptions options;
    options.throttling.clock = std::make_shared<ManualClock>();
    ServiceFixture f(options);
    int spent = 0;  // the schema error is answered after the throttling stage charged it
    for (Request r : {regenerate_request(), regenerate_request(R"({"keyType":"Bogus"})")}) {
        Response res = f.service.handle(r);
        ++spent;
        REQUIRE(header(res, "Cache-Control") == "no-cache");
        REQUIRE(header(res, "Pragma") == "no-cache");
        REQUIRE(header(res, "Expires") == "-1");
        REQUIRE_THAT(
            header(res, "Date"),
            Catch::Matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT"));
        const std::string id = header(res, "x-ms-request-id");
        REQUIRE_THAT(
            id,
            Catch::Matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        REQUIRE(header(res, "x-ms-correlation-request-id") == id);
        REQUIRE_THAT(header(res, "x-ms-routing-request-id"),
                     Catch::Matches("WESTUS:\\d{8}T\\d{6}Z:" + id));
        REQUIRE(header(res, "x-ms-ratelimit-remaining-subscription-writes") ==
                std::to_string(200 - spent));
        REQUIRE(header(res, "x-ms-ratelimit-remaining-subscription-global-writes") ==
                std::to_string(3000 - spent));
        REQUIRE(header(res, "x-ms-client-request-id").empty());
    }
    Response a = f.service.handle(regenerate_request());
    Response b = f.service.handle(regenerate_request());
    REQUIRE(header(a, "x-ms-request-id") != header(b, "x-ms-request-id"));
}

TEST_CASE("caller ids: correlation id kept, client request id echoed on request",
          "[pipeline][headers]") {
    ServiceFixture f;
    Request r = regenerate_request();
    r.headers.add("x-ms-correlation-request-id", "11111111-2222-3333-4444-555555555555");
    r.headers.add("x-ms-client-request-id", "client-abc");
    Response plain = f.service.handle(r);
    REQUIRE(header(plain, "x-ms-correlation-request-id") == "11111111-2222-3333-4444-555555555555");
    REQUIRE(header(plain, "x-ms-request-id") != "11111111-2222-3333-4444-555555555555");
    REQUIRE(header(plain, "x-ms-client-request-id").empty());

    r.headers.add("x-ms-return-client-request-id", "true");
    REQUIRE(header(f.service.handle(r), "x-ms-client-request-id") == "client-abc");
}

TEST_CASE("errors never echo the bearer token", "[pipeline][auth]") {
    ServiceOptions options;
    options.auth = AuthPolicy::Jwt;
    ServiceFixture f(options);
    Request r = regenerate_request();
    r.headers.set("Authorization", "Bearer super-secret-token-value");
    Response res = f.service.handle(r);
    REQUIRE(res.status == 401);
    REQUIRE(res.body.find("super-secret") == std::string::npos);
    for (const auto& [name, value] : res.headers) {
        REQUIRE(value.find("super-secret") == std::string::npos);
    }
}
