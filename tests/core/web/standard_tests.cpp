// Logic Apps Standard through Service::handle: the Microsoft.Web site and its hostruntime API,
// Standard callback URLs, and a rotation that revokes exactly the URLs its key signed.

#include <catch2/catch.hpp>

#include "callback_test_support.hpp"
#include "faults/fault_engine.hpp"
#include "journal/request_journal.hpp"
#include "logicmock/file_store.hpp"
#include "logicmock/journal.hpp"
#include "logicmock/schema_validator.hpp"
#include "state/seed_writer.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

const std::string kSite = "testStandardSite";
const std::string kSiteWorkflow = "testStandardWorkflow";

std::string site_target(const std::string& tail = "", const std::string& site = kSite,
                        const std::string& api_version = "2022-03-01") {
    return "/subscriptions/" + kSubscription + "/resourceGroups/" + kResourceGroup +
           "/providers/Microsoft.Web/sites/" + site + tail + "?api-version=" + api_version;
}

std::string hostruntime(const std::string& tail, const std::string& workflow = kSiteWorkflow) {
    return "/hostruntime/runtime/webhooks/workflow/api/management/workflows/" + workflow + tail;
}

Response regenerate(Service& service, const std::string& key_type,
                    const std::string& workflow = kSiteWorkflow) {
    return service.handle(arm_request("POST",
                                      site_target(hostruntime("/regenerateAccessKey", workflow)),
                                      R"({"keyType":")" + key_type + "\"}"));
}

Response list_callback(Service& service, const std::string& trigger = "manual") {
    return service.handle(
        arm_request("POST", site_target(hostruntime("/triggers/" + trigger + "/listCallbackUrl"))));
}

SiteRecord site_of(const WorkflowStore& store) {
    return *store.find_site(kSubscription, kResourceGroup, kSite);
}

std::uint64_t firings(const WorkflowStore& store) {
    return site_of(store).workflows.front().workflow.triggers.front().invocations;
}

}  // namespace

TEST_CASE("the default seed holds one Standard site beside the Consumption workflow", "[web]") {
    ServiceFixture f;
    REQUIRE(f.store->find_workflow({kSubscription, kResourceGroup, kWorkflow}));
    const auto sites = f.store->all_sites();
    REQUIRE(sites.size() == 1);
    REQUIRE(sites[0].kind == "functionapp,workflowapp");
    REQUIRE(sites[0].default_host_name == "teststandardsite.azurewebsites.net");
    REQUIRE(sites[0].workflows.at(0).kind == "Stateful");
    REQUIRE(sites[0].workflows.at(0).workflow.triggers.at(0).type == "Request");
}

TEST_CASE("GET of the site answers the Microsoft.Web/sites resource", "[web]") {
    ServiceFixture f;
    Response r = f.service.handle(arm_request("GET", site_target()));
    REQUIRE(r.status == 200);
    auto body = body_json(r);
    REQUIRE(body["type"] == "Microsoft.Web/sites");
    REQUIRE(body["kind"] == "functionapp,workflowapp");
    REQUIRE(body["name"] == kSite);
    REQUIRE(body["id"] == "/subscriptions/" + kSubscription + "/resourceGroups/" + kResourceGroup +
                              "/providers/Microsoft.Web/sites/" + kSite);
    REQUIRE(body["properties"]["defaultHostName"] == "teststandardsite.azurewebsites.net");
    REQUIRE(body["properties"]["state"] == "Running");
}

TEST_CASE("site names compare case-insensitively and keep their first spelling", "[web]") {
    ServiceFixture f;
    Response r = f.service.handle(arm_request("GET", site_target("", "TESTSTANDARDSITE")));
    REQUIRE(r.status == 200);
    REQUIRE(body_json(r)["name"] == kSite);
    REQUIRE(regenerate(f.service, "Primary", "TestStandardWORKFLOW").status == 200);
}

TEST_CASE("an unknown site is ARM's ResourceNotFound for Microsoft.Web/sites", "[web]") {
    ServiceFixture f;
    Response r = f.service.handle(arm_request("GET", site_target("", "nosuchsite")));
    require_arm_error(r, 404, "ResourceNotFound");
    REQUIRE(error_message(r) ==
            "The Resource 'Microsoft.Web/sites/nosuchsite' under resource group "
            "'testResourceGroup' was not found. For more details please go to "
            "https://aka.ms/ARMResourceNotFoundFix");
    Response hr = f.service.handle(
        arm_request("POST", site_target(hostruntime("/regenerateAccessKey"), "nosuchsite"),
                    R"({"keyType":"Primary"})"));
    require_arm_error(hr, 404, "ResourceNotFound");
}

TEST_CASE("an unknown workflow is the hostruntime's WorkflowNotFound and GetWorkflow's 404",
          "[web]") {
    ServiceFixture f;
    const auto before = site_of(*f.store).workflows.front().workflow.primary_key;
    Response r = regenerate(f.service, "Primary", "nosuchworkflow");
    require_arm_error(r, 404, "WorkflowNotFound");
    REQUIRE(error_message(r) == "The workflow 'nosuchworkflow' could not be found.");
    REQUIRE(site_of(*f.store).workflows.front().workflow.primary_key == before);
    Response g = f.service.handle(arm_request("GET", site_target("/workflows/nosuchworkflow")));
    require_arm_error(g, 404, "WorkflowNotFound");
    REQUIRE(error_message(g) == "Workflow with a name of nosuchworkflow does not exist.");
}

TEST_CASE("the site's workflows are WorkflowEnvelopes", "[web]") {
    ServiceFixture f;
    Response list = f.service.handle(arm_request("GET", site_target("/workflows")));
    REQUIRE(list.status == 200);
    auto item = body_json(list)["value"].at(0);
    REQUIRE(item["name"] == kSite + "/" + kSiteWorkflow);
    REQUIRE(item["type"] == "Microsoft.Web/sites/workflows");
    REQUIRE(item["kind"] == "Stateful");
    REQUIRE_FALSE(item["properties"].contains("files"));
    Response one = f.service.handle(arm_request("GET", site_target("/workflows/" + kSiteWorkflow)));
    REQUIRE(one.status == 200);
    auto body = body_json(one);
    REQUIRE(body["properties"]["flowState"] == "Enabled");
    REQUIRE(
        body["properties"]["files"]["workflow.json"]["definition"]["triggers"].contains("manual"));
}

TEST_CASE("hostruntime triggers carry runtime-relative ids", "[web]") {
    ServiceFixture f;
    Response list = f.service.handle(arm_request("GET", site_target(hostruntime("/triggers"))));
    REQUIRE(list.status == 200);
    auto t = body_json(list)["value"].at(0);
    REQUIRE(t["id"] == "/workflows/" + kSiteWorkflow + "/triggers/manual");
    REQUIRE(t["type"] == "/workflows/triggers");
    REQUIRE(t["properties"]["workflow"]["type"] == "/workflows/versions");
    Response one =
        f.service.handle(arm_request("GET", site_target(hostruntime("/triggers/MANUAL"))));
    REQUIRE(one.status == 200);
    REQUIRE(body_json(one)["name"] == "manual");
    Response none =
        f.service.handle(arm_request("GET", site_target(hostruntime("/triggers/nosuch"))));
    require_arm_error(none, 404, "WorkflowTriggerNotFound");
}

TEST_CASE("listCallbackUrl answers Standard's URL format", "[web]") {
    ServiceOptions options;
    options.self_base_url = "http://127.0.0.1:7777";
    ServiceFixture f(options);
    Response r = list_callback(f.service);
    REQUIRE(r.status == 200);
    auto body = body_json(r);
    const std::string value = body["value"];
    REQUIRE_THAT(value,
                 Catch::Matches("http://127\\.0\\.0\\.1:7777/api/testStandardWorkflow/triggers/"
                                "manual/invoke\\?api-version=2022-05-01&sp=%2Ftriggers%2Fmanual%"
                                "2Frun&sv=1\\.0&sig=[A-Za-z0-9_-]{43}"));
    REQUIRE(body["basePath"] ==
            "http://127.0.0.1:7777/api/testStandardWorkflow/triggers/manual/invoke");
    REQUIRE(body["method"] == "POST");
    REQUIRE(body["queries"]["sp"] == "/triggers/manual/run");
    REQUIRE(body["queries"]["api-version"] == "2022-05-01");
}

TEST_CASE("with site host URLs and another runtime api-version the URL names the site host",
          "[web]") {
    ServiceOptions options;
    options.standard_site_host_urls = true;
    options.standard_runtime_api_version = "2020-05-01-preview";
    ServiceFixture f(options);
    auto body = body_json(list_callback(f.service));
    REQUIRE(body["value"].get<std::string>().rfind(
                "https://teststandardsite.azurewebsites.net:443/api/testStandardWorkflow/"
                "triggers/manual/invoke?api-version=2020-05-01-preview&",
                0) == 0);
    REQUIRE(body["basePath"] ==
            "https://teststandardsite.azurewebsites.net/api/testStandardWorkflow/triggers/"
            "manual/invoke");
}

TEST_CASE("a Standard callback URL fires the trigger: 202 and counted", "[web]") {
    ServiceFixture f;
    const std::string url = callback_value(list_callback(f.service));
    Response r = f.service.handle(invoke_request(url));
    REQUIRE(r.status == 202);
    REQUIRE(r.body.empty());
    REQUIRE(header(r, "x-ms-workflow-name") == kSiteWorkflow);
    REQUIRE(firings(*f.store) == 1);
    // The site host form works too when that name is routed here.
    Request by_host = invoke_request(url);
    by_host.headers.set("Host", "teststandardsite.azurewebsites.net:443");
    REQUIRE(f.service.handle(by_host).status == 202);
    REQUIRE(firings(*f.store) == 2);
}

TEST_CASE("a Standard rotation revokes exactly the URLs signed with the rotated key", "[web]") {
    ServiceFixture f;
    const std::string primary_url = callback_value(list_callback(f.service));
    // A URL signed with the secondary key, as a portal user who copied it would hold.
    const SiteRecord site = site_of(*f.store);
    const WorkflowRecord& wf = site.workflows.front().workflow;
    const std::string primary_sig = primary_url.substr(primary_url.rfind("sig=") + 4);
    REQUIRE(regenerate(f.service, "Secondary").status == 200);
    REQUIRE(f.service.handle(invoke_request(primary_url)).status == 202);  // primary lives on
    REQUIRE(site_of(*f.store).workflows.front().workflow.primary_key == wf.primary_key);
    REQUIRE(site_of(*f.store).workflows.front().workflow.secondary_key != wf.secondary_key);

    Response rotated = regenerate(f.service, "Primary");
    REQUIRE(rotated.status == 200);
    REQUIRE(rotated.body.empty());
    Response dead = f.service.handle(invoke_request(primary_url));
    REQUIRE(dead.status == 401);
    REQUIRE(error_code(dead) == "DirectApiInvalidAuthorizationSignature");
    const std::string fresh = callback_value(list_callback(f.service));
    REQUIRE(fresh.substr(fresh.rfind("sig=") + 4) != primary_sig);
    REQUIRE(f.service.handle(invoke_request(fresh)).status == 202);
    // The Consumption workflow's keys are untouched by the Standard rotation.
    REQUIRE(f.store->find_workflow({kSubscription, kResourceGroup, kWorkflow})->primary_rotations ==
            0);
}

TEST_CASE("Standard runtime refusals", "[web]") {
    ServiceFixture f;
    const std::string url = callback_value(list_callback(f.service));
    Response missing = f.service.handle(invoke_request(with_query(url, "sig", std::nullopt)));
    REQUIRE(missing.status == 401);
    REQUIRE(error_code(missing) == "AuthorizationFailed");
    REQUIRE(error_message(missing) ==
            "Required parameters for shared access URL are permissions ('sp'), version ('sv'), "
            "and signature ('sig').");
    Request both = invoke_request(url);
    both.headers.set("Authorization", "Bearer x");
    REQUIRE(error_code(f.service.handle(both)) == "DirectApiRequestHasMoreThanOneAuthorization");
    REQUIRE(f.service.handle(invoke_request(url, "GET")).status == 400);
    std::string other = url;
    other.replace(other.find(kSiteWorkflow), kSiteWorkflow.size(), "nosuchworkflow");
    Response unknown = f.service.handle(invoke_request(other));
    REQUIRE(unknown.status == 404);
    REQUIRE(error_message(unknown) == "The workflow 'nosuchworkflow' could not be found.");
    std::string extra = url;
    extra.replace(extra.find("/invoke"), 7, "/invoke/extra");
    REQUIRE(error_code(f.service.handle(invoke_request(extra))) == "NotFound");
    REQUIRE(firings(*f.store) == 0);
}

TEST_CASE("Standard api-versions come from the Microsoft.Web/sites list", "[web]") {
    ServiceFixture f;
    for (const char* v : {"2018-11-01", "2022-03-01", "2024-04-01", "2025-05-01"}) {
        INFO(v);
        REQUIRE(
            f.service.handle(arm_request("GET", site_target(hostruntime("/triggers"), kSite, v)))
                .status == 200);
    }
    Response bad = f.service.handle(
        arm_request("GET", site_target(hostruntime("/triggers"), kSite, "2019-05-01")));
    require_arm_error(bad, 400, "NoRegisteredProviderFound");
    REQUIRE_THAT(error_message(bad),
                 Catch::Contains("for type 'sites'") && Catch::Contains("'2018-11-01, 2022-03-01"));
    Response providers =
        f.service.handle(arm_request("GET", "/subscriptions/" + kSubscription +
                                                "/providers/Microsoft.Web?api-version=2021-04-01"));
    REQUIRE(providers.status == 200);
    REQUIRE(body_json(providers)["resourceTypes"][0]["apiVersions"][0] == "2025-05-01");
}

TEST_CASE("hostruntime bad input is an ARM 4xx and changes nothing", "[web]") {
    ServiceFixture f;
    const auto before = site_of(*f.store).workflows.front().workflow.primary_key;
    const std::string good = site_target(hostruntime("/regenerateAccessKey"));
    auto post = [&](const std::string& target, const std::string& body,
                    const std::string& type = "application/json") {
        Request r = arm_request("POST", target, body);
        if (!type.empty()) r.headers.set("Content-Type", type);
        return f.service.handle(r);
    };
    require_arm_error(post(good, R"({"keyType":"Tertiary"})"), 400, "InvalidRequestContent");
    require_arm_error(post(good, ""), 400, "InvalidRequestContent");
    require_arm_error(post(good, R"({"keyType":"Primary"})", "text/plain"), 415,
                      "UnsupportedMediaType");
    // A body on listCallbackUrl is refused.
    require_arm_error(post(site_target(hostruntime("/triggers/manual/listCallbackUrl")),
                           R"({"keyType":"Primary"})"),
                      400, "InvalidRequestContent");
    // Extra, missing, encoded and dot segments.
    for (const std::string& target :
         {site_target(hostruntime("/regenerateAccessKey/extra")),
          site_target("/hostruntime/runtime/webhooks/workflow/api/management/workflows/"
                      "regenerateAccessKey"),
          site_target(hostruntime("%2FregenerateAccessKey")),
          site_target(hostruntime("/../regenerateAccessKey")),
          site_target(hostruntime("/regenerateAccessKey", std::string(5000, 'w')))}) {
        Response r = post(target, R"({"keyType":"Primary"})");
        INFO(target.substr(0, 200) << " -> " << r.status << " " << r.body);
        REQUIRE(r.status >= 400);
        REQUIRE(r.status < 500);
        REQUIRE_FALSE(validate(Shape::ErrorResponse, body_json(r)).has_value());
    }
    REQUIRE(site_of(*f.store).workflows.front().workflow.primary_key == before);
}

TEST_CASE("the state file keeps sites and their rotated keys", "[web][state]") {
    const std::string path = "standard-state-" + std::to_string(::getpid()) + ".json";
    std::remove(path.c_str());
    AccessKey rotated{};
    {
        auto store = make_file_store(path, default_seed());
        Service service({}, store);
        REQUIRE(regenerate(service, "Secondary").status == 200);
        rotated = site_of(*store).workflows.front().workflow.secondary_key;
    }
    auto reloaded = make_file_store(path, default_seed());
    const SiteRecord site = site_of(*reloaded);
    REQUIRE(site.default_host_name == "teststandardsite.azurewebsites.net");
    REQUIRE(site.workflows.front().kind == "Stateful");
    REQUIRE(site.workflows.front().workflow.secondary_key == rotated);
    std::remove(path.c_str());
}

TEST_CASE("the seed writer round-trips sites", "[web][state]") {
    const Seed seed = default_seed();
    const Seed again = parse_seed(seed_to_json(seed), "round trip");
    REQUIRE(again.sites.size() == 1);
    REQUIRE(again.sites[0].name == seed.sites[0].name);
    REQUIRE(again.sites[0].workflows[0].workflow.workflow_id ==
            seed.sites[0].workflows[0].workflow.workflow_id);
    REQUIRE(again.sites[0].workflows[0].workflow.primary_key ==
            seed.sites[0].workflows[0].workflow.primary_key);
}

TEST_CASE("seed sites: duplicate names are refused", "[web][state]") {
    const std::string doc = R"({"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":
        "rg","sites":[{"name":"a"},{"name":"A"}]}]}]})";
    REQUIRE_THROWS_WITH(parse_seed(doc, "dup"), Catch::Contains("duplicate site 'A'"));
}

TEST_CASE("a fault rule tells the two Workflows_RegenerateAccessKey operations apart", "[web]") {
    ServiceFixture f;
    f.service.faults().add(parse_fault_rule(
        nlohmann::json::parse(R"({"match":{"operation":"Workflows_RegenerateAccessKey",
            "provider":"Microsoft.Web"},"action":{"preset":"Throttled"}})"),
        "test"));
    const auto before = site_of(*f.store).workflows.front().workflow.primary_key;
    Response standard = regenerate(f.service, "Primary");
    REQUIRE(standard.status == 429);
    REQUIRE(site_of(*f.store).workflows.front().workflow.primary_key == before);
    Response consumption = f.service.handle(regenerate_request());
    REQUIRE(consumption.status == 200);
    // The short name matches both; "site" narrows it to Standard as well.
    ServiceFixture g;
    g.service.faults().add(
        parse_fault_rule(nlohmann::json::parse(R"({"match":{"operation":"regenerateAccessKey",
            "site":"TESTSTANDARD*"},"action":{"preset":"Throttled"}})"),
                         "test"));
    REQUIRE(regenerate(g.service, "Primary").status == 429);
    REQUIRE(g.service.handle(regenerate_request()).status == 200);
}

TEST_CASE("Standard operations and firings are journaled without the signature", "[web]") {
    ServiceFixture f;
    const std::string url = callback_value(list_callback(f.service));
    REQUIRE(f.service.handle(invoke_request(url)).status == 202);
    const auto entries = f.service.journal().list({});
    REQUIRE(entries.size() == 2);
    REQUIRE(entries[0].operation == "listCallbackUrl");
    REQUIRE(entries[1].operation == "invokeTrigger");
    REQUIRE(entries[1].status == 202);
    REQUIRE(entries[1].workflow == kSiteWorkflow);
    const std::string sig = url.substr(url.rfind("sig=") + 4);
    REQUIRE(entries[1].query.find(sig) == std::string::npos);
    REQUIRE_THAT(entries[1].query, Catch::Contains("sig=REDACTED"));
}
