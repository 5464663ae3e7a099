// ARM's own routes that clients call around sign-in (GET /subscriptions, /subscriptions/{id},
// /tenants, /subscriptions/{id}/providers/{namespace}, /metadata/endpoints), through
// Service::handle: bodies in the shapes azure-mgmt-resource and the Azure CLI read, ARM's
// api-version and authentication checks, and the paths the CLI sends (`//`, `resourcegroups`).

#include <catch2/catch.hpp>

#include "pipeline_test_support.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

const std::string kTenant = "d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c";

Request get(const std::string& target, bool with_token = true) {
    Request r;
    r.method = "GET";
    r.target = target;
    if (with_token) r.headers.add("Authorization", "Bearer test-token");
    return r;
}

}  // namespace

TEST_CASE("GET /subscriptions lists the seed's subscriptions as the CLI reads them",
          "[resources]") {
    ServiceFixture f;
    Response r = f.service.handle(get("/subscriptions?api-version=2019-11-01"));
    REQUIRE(r.status == 200);
    CHECK(header(r, "Content-Type") == "application/json; charset=utf-8");
    auto body = body_json(r);
    REQUIRE(body["value"].is_array());
    REQUIRE(body["value"].size() == 1);
    const auto& sub = body["value"][0];
    CHECK(sub["id"] == "/subscriptions/" + kSubscription);
    CHECK(sub["subscriptionId"] == kSubscription);
    CHECK(sub["tenantId"] == kTenant);
    CHECK(sub["state"] == "Enabled");
    CHECK(sub["displayName"].is_string());
    CHECK_FALSE(sub["displayName"].get<std::string>().empty());
    CHECK(sub["subscriptionPolicies"]["spendingLimit"] == "Off");
    CHECK(sub["authorizationSource"] == "RoleBased");
    CHECK_FALSE(body.contains("nextLink"));
    CHECK(header(r, "x-ms-ratelimit-remaining-subscription-reads") != "");
}

TEST_CASE("GET /subscriptions/{id} answers one subscription or ARM's 404", "[resources]") {
    ServiceFixture f;
    Response r =
        f.service.handle(get("/subscriptions/" + kSubscription + "?api-version=2022-12-01"));
    REQUIRE(r.status == 200);
    CHECK(body_json(r)["subscriptionId"] == kSubscription);

    Response missing = f.service.handle(
        get("/subscriptions/00000000-0000-0000-0000-000000000001?api-version=2022-12-01"));
    require_arm_error(missing, 404, "SubscriptionNotFound");
    CHECK(error_message(missing) ==
          "The subscription '00000000-0000-0000-0000-000000000001' could not be found.");
    require_arm_error(f.service.handle(get("/subscriptions/not-a-guid?api-version=2022-12-01")),
                      400, "InvalidSubscriptionId");
}

TEST_CASE("GET /tenants lists the seed's tenants", "[resources]") {
    ServiceFixture f;
    Response r = f.service.handle(get("/tenants?api-version=2019-11-01"));
    REQUIRE(r.status == 200);
    auto value = body_json(r)["value"];
    REQUIRE(value.size() == 1);
    CHECK(value[0]["id"] == "/tenants/" + kTenant);
    CHECK(value[0]["tenantId"] == kTenant);
    CHECK(value[0]["displayName"] == "logicmock");
    CHECK(value[0]["tenantCategory"] == "Home");
    CHECK(value[0]["domains"] == nlohmann::json::array({"logicmock.onmicrosoft.com"}));
}

TEST_CASE("GET .../providers/Microsoft.Logic lists workflows' api-versions newest first",
          "[resources]") {
    ServiceFixture f;
    Response r = f.service.handle(get("/subscriptions/" + kSubscription +
                                      "/providers/Microsoft.Logic?api-version=2021-04-01"));
    REQUIRE(r.status == 200);
    auto body = body_json(r);
    CHECK(body["id"] == "/subscriptions/" + kSubscription + "/providers/Microsoft.Logic");
    CHECK(body["namespace"] == "Microsoft.Logic");
    CHECK(body["registrationState"] == "Registered");
    REQUIRE(body["resourceTypes"].size() == 1);
    const auto& workflows = body["resourceTypes"][0];
    CHECK(workflows["resourceType"] == "workflows");
    CHECK(workflows["apiVersions"] ==
          nlohmann::json::array({"2019-05-01", "2018-07-01-preview", "2016-06-01"}));
    CHECK(workflows["locations"][0] == "Australia East");

    // Every listed version is one the workflow routes accept: what `az resource` picks works.
    for (const auto& version : workflows["apiVersions"]) {
        Request call = regenerate_request();
        call.target = regenerate_target(version.get<std::string>());
        CHECK(f.service.handle(call).status == 200);
    }
}

TEST_CASE("the namespace is matched without case, Microsoft.Web is listed, others are 404",
          "[resources]") {
    ServiceFixture f;
    const std::string providers = "/subscriptions/" + kSubscription + "/providers/";
    Response lower = f.service.handle(get(providers + "microsoft.logic?api-version=2021-04-01"));
    REQUIRE(lower.status == 200);
    CHECK(body_json(lower)["namespace"] == "Microsoft.Logic");

    Response web = f.service.handle(get(providers + "Microsoft.Web?api-version=2021-04-01"));
    REQUIRE(web.status == 200);
    const auto web_body = body_json(web);
    const auto& sites = web_body["resourceTypes"][0];
    CHECK(sites["resourceType"] == "sites");
    CHECK(sites["apiVersions"][0] == "2025-05-01");
    CHECK(sites["apiVersions"].back() == "2018-11-01");

    Response unknown = f.service.handle(get(providers + "Microsoft.Nope?api-version=2021-04-01"));
    require_arm_error(unknown, 404, "InvalidResourceNamespace");
    CHECK(error_message(unknown) == "The resource namespace 'Microsoft.Nope' is invalid.");

    Response other_sub = f.service.handle(
        get("/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Logic"
            "?api-version=2021-04-01"));
    require_arm_error(other_sub, 404, "SubscriptionNotFound");
}

TEST_CASE("ARM's own endpoints check api-version as ARM does", "[resources][api-version]") {
    ServiceFixture f;
    require_arm_error(f.service.handle(get("/subscriptions")), 400, "MissingApiVersionParameter");
    require_arm_error(f.service.handle(get("/metadata/endpoints")), 400,
                      "MissingApiVersionParameter");

    Response bad = f.service.handle(get("/subscriptions?api-version=2099-01-01"));
    require_arm_error(bad, 400, "InvalidApiVersionParameter");
    CHECK(error_message(bad).rfind("The api-version '2099-01-01' is invalid. The supported "
                                   "versions are '2014-04-01-preview,2015-01-01,",
                                   0) == 0);
    CHECK(header(bad, "x-ms-failure-cause") == "gateway");
    require_arm_error(f.service.handle(get("/tenants?api-version=2019-05-01-x")), 400,
                      "InvalidApiVersionParameter");
    require_arm_error(f.service.handle(get("/subscriptions/" + kSubscription +
                                           "/providers/Microsoft.Logic?api-version=2019-11-02")),
                      400, "InvalidApiVersionParameter");
}

TEST_CASE("ARM's own endpoints need a token, except /metadata/endpoints", "[resources][auth]") {
    ServiceFixture f;
    for (const std::string& target : std::vector<std::string>{
             "/subscriptions?api-version=2019-11-01", "/tenants?api-version=2019-11-01",
             "/subscriptions/" + kSubscription + "?api-version=2019-11-01",
             "/subscriptions/" + kSubscription +
                 "/providers/Microsoft.Logic?api-version=2021-04-01"}) {
        require_arm_error(f.service.handle(get(target, false)), 401, "AuthenticationFailed");
    }
    CHECK(f.service.handle(get("/metadata/endpoints?api-version=2015-01-01", false)).status == 200);
}

TEST_CASE("ARM's own endpoints are GET only", "[resources]") {
    ServiceFixture f;
    Request post = get("/subscriptions?api-version=2019-11-01");
    post.method = "POST";
    Response r = f.service.handle(post);
    require_arm_error(r, 405, "MethodNotAllowed");
    CHECK(header(r, "Allow") == "GET");
}

TEST_CASE("GET /metadata/endpoints points the CLI at this server's ADFS authority",
          "[resources][metadata]") {
    ServiceOptions options;
    options.self_base_url = "https://127.0.0.1:8443";
    ServiceFixture f(options);

    // az cloud register --endpoint-resource-manager https://HOST:PORT/ sends a double slash.
    Response object = f.service.handle(get("//metadata/endpoints?api-version=2015-01-01", false));
    REQUIRE(object.status == 200);
    auto body = body_json(object);
    CHECK(body["authentication"]["loginEndpoint"] == "https://127.0.0.1:8443/adfs");
    CHECK(body["authentication"]["audiences"][0] == "https://management.core.windows.net/");
    CHECK(body["graphEndpoint"] == "https://graph.windows.net/");
    CHECK(body["galleryEndpoint"].is_string());

    Response clouds = f.service.handle(get("/metadata/endpoints?api-version=2019-05-01", false));
    REQUIRE(clouds.status == 200);
    auto array = body_json(clouds);
    REQUIRE(array.is_array());
    REQUIRE(array.size() == 1);
    CHECK(array[0]["name"] == "logicmock");
    CHECK(array[0]["resourceManager"] == "https://127.0.0.1:8443/");
    CHECK(array[0]["authentication"]["loginEndpoint"] == "https://127.0.0.1:8443/adfs");
    CHECK(array[0]["suffixes"].is_object());

    require_arm_error(f.service.handle(get("/metadata/endpoints?api-version=2022-09-01", false)),
                      400, "InvalidApiVersionParameter");
}

TEST_CASE("the CLI's paths: empty segments and lower-case resourcegroups are served",
          "[resources][paths]") {
    ServiceFixture f;
    auto before = f.workflow();
    // az resource invoke-action -g/-n/--namespace/--resource-type builds this path.
    Request r = regenerate_request();
    r.target = "/subscriptions/" + kSubscription + "/resourcegroups/" + kResourceGroup +
               "/providers/Microsoft.Logic//workflows/" + kWorkflow +
               "/regenerateAccessKey?api-version=2019-05-01";
    REQUIRE(f.service.handle(r).status == 200);
    CHECK(f.workflow().primary_key != before.primary_key);

    Response listed = f.service.handle(get("//subscriptions?api-version=2019-11-01"));
    CHECK(listed.status == 200);
    Response provider = f.service.handle(get("/subscriptions/" + kSubscription +
                                             "//providers/microsoft.logic?api-version=2021-04-01"));
    CHECK(provider.status == 200);
}
