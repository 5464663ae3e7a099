// Workflow resources through Service::handle: PUT (201 create / 200 update), GET, DELETE
// (200, then 204) and the list by resource group, with their 400/404/409 rows.

#include <catch2/catch.hpp>

#include "callback_test_support.hpp"
#include "logicmock/schema_validator.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

const std::string kDefinition =
    R"({"$schema":"https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",)"
    R"("contentVersion":"1.0.0.0","triggers":{"manual":{"type":"Request","kind":"Http"},)"
    R"("daily":{"type":"Recurrence"}},"actions":{},"outputs":{}})";

std::string workflow_body(const std::string& location = "westus",
                          const std::string& state = "Enabled") {
    return R"({"location":")" + location +
           R"(","tags":{"team":"payments"},"properties":{"state":")" + state +
           R"(","definition":)" + kDefinition + "}}";
}

Response put(CallbackFixture& f, const std::string& name, const std::string& body,
             const std::string& rg = kResourceGroup) {
    return f.service.handle(arm_request("PUT", workflow_target(name, rg), body));
}

}  // namespace

TEST_CASE("PUT creates a workflow (201) with fresh keys and a runtime id", "[workflows]") {
    CallbackFixture f;
    Response r = put(f, "orders", workflow_body());
    REQUIRE(r.status == 201);
    auto body = body_json(r);
    INFO(r.body);
    REQUIRE_FALSE(validate(Shape::Workflow, body).has_value());
    REQUIRE(body["id"] == workflow_path(kSubscription, kResourceGroup, "orders"));
    REQUIRE(body["name"] == "orders");
    REQUIRE(body["type"] == "Microsoft.Logic/workflows");
    REQUIRE(body["location"] == "westus");
    REQUIRE(body["tags"] == nlohmann::json{{"team", "payments"}});
    const auto& p = body["properties"];
    REQUIRE(p["provisioningState"] == "Succeeded");
    REQUIRE(p["state"] == "Enabled");
    REQUIRE_THAT(p["version"].get<std::string>(), Catch::Matches("[0-9]{20}"));
    REQUIRE_THAT(p["createdTime"].get<std::string>(),
                 Catch::Matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z"));
    REQUIRE(p["definition"] == nlohmann::json::parse(kDefinition));

    auto stored = f.workflow("orders");
    REQUIRE_THAT(stored.workflow_id, Catch::Matches("[0-9a-f]{32}"));
    REQUIRE(p["accessEndpoint"] ==
            "https://prod-00.westus.logic.test/workflows/" + stored.workflow_id);
    REQUIRE(stored.primary_key != stored.secondary_key);
    REQUIRE(stored.primary_key != AccessKey{});
    REQUIRE(stored.triggers.size() == 2);
    // Never the keys, in any encoding.
    REQUIRE(r.body.find("ccessKey") == std::string::npos);
    REQUIRE(r.body.find("primary") == std::string::npos);

    // Its Request trigger has a working callback URL.
    const std::string url =
        callback_value(f.service.handle(trigger_callback_request("manual", "", "orders")));
    REQUIRE(f.service.handle(invoke_request(url)).status == 202);
}

TEST_CASE("PUT on an existing workflow updates it (200) and keeps its identity", "[workflows]") {
    CallbackFixture f;
    REQUIRE(put(f, "orders", workflow_body()).status == 201);
    auto before = f.workflow("orders");
    const std::string url =
        callback_value(f.service.handle(trigger_callback_request("manual", "", "orders")));

    Response r = put(f, "ORDERS", workflow_body("West US", "Disabled"));
    REQUIRE(r.status == 200);
    auto body = body_json(r);
    REQUIRE(body["name"] == "orders");  // the name as first created
    REQUIRE(body["properties"]["state"] == "Disabled");
    auto after = f.workflow("orders");
    REQUIRE(after.primary_key == before.primary_key);
    REQUIRE(after.secondary_key == before.secondary_key);
    REQUIRE(after.workflow_id == before.workflow_id);
    REQUIRE(after.created_time == before.created_time);
    REQUIRE(after.changed_time >= before.changed_time);
    REQUIRE(f.service.handle(invoke_request(url)).status == 202);  // URLs survive updates
}

TEST_CASE("PUT of a seeded workflow keeps its keys", "[workflows]") {
    CallbackFixture f;
    auto before = f.workflow();
    REQUIRE(put(f, kWorkflow, workflow_body()).status == 200);
    REQUIRE(f.workflow().primary_key == before.primary_key);
    REQUIRE(f.workflow().workflow_id == kWorkflowId);
}

TEST_CASE("GET shows the published Workflow shape with the reads budget header", "[workflows]") {
    CallbackFixture f;
    Response r = f.service.handle(arm_request("GET", workflow_target()));
    REQUIRE(r.status == 200);
    REQUIRE(header(r, "x-ms-ratelimit-remaining-subscription-reads") == "249");
    auto body = body_json(r);
    REQUIRE_FALSE(validate(Shape::Workflow, body).has_value());
    REQUIRE(body["properties"]["accessEndpoint"] ==
            "https://prod-00.westus.logic.test/workflows/" + kWorkflowId);
    // Seeded workflows get a definition built from their triggers.
    REQUIRE(body["properties"]["definition"]["triggers"]["manual"]["type"] == "Request");
    REQUIRE(body["properties"]["definition"]["triggers"]["nightly"]["type"] == "Recurrence");
    REQUIRE(r.body.find(kPrimaryKeyBase64) == std::string::npos);

    // Same answer whatever the case of the names.
    Request shouted =
        arm_request("GET", workflow_path(kSubscription, "TESTRESOURCEGROUP", "TESTWORKFLOWNAME") +
                               "?api-version=2019-05-01");
    REQUIRE(body_json(f.service.handle(shouted)) == body);
}

TEST_CASE("DELETE answers 200, then 204 once absent, and old URLs then get 404", "[workflows]") {
    CallbackFixture f;
    const std::string url = callback_value(f.service.handle(trigger_callback_request()));
    Response r = f.service.handle(arm_request("DELETE", workflow_target()));
    REQUIRE(r.status == 200);
    REQUIRE(r.body.empty());
    REQUIRE_FALSE(f.store->find_workflow({kSubscription, kResourceGroup, kWorkflow}));
    REQUIRE(f.service.handle(arm_request("DELETE", workflow_target())).status == 204);
    require_arm_error(f.service.handle(arm_request("GET", workflow_target())), 404,
                      "ResourceNotFound");
    require_arm_error(f.service.handle(trigger_callback_request()), 404, "ResourceNotFound");
    REQUIRE(f.service.handle(invoke_request(url)).status == 404);

    // Re-created under the same name it is a new workflow: new id, the old URL stays dead.
    REQUIRE(put(f, kWorkflow, workflow_body()).status == 201);
    REQUIRE(f.workflow().workflow_id != kWorkflowId);
    REQUIRE(error_code(f.service.handle(invoke_request(url))) == "WorkflowNotFound");
}

TEST_CASE("the list by resource group holds every workflow of that group", "[workflows]") {
    CallbackFixture f;
    REQUIRE(put(f, "orders", workflow_body()).status == 201);
    REQUIRE(put(f, "elsewhere", workflow_body("eastus"), "emptyGroup").status == 201);
    Request list =
        arm_request("GET", "/subscriptions/" + kSubscription + "/resourceGroups/" + kResourceGroup +
                               "/providers/Microsoft.Logic/workflows?api-version="
                               "2019-05-01");
    Response r = f.service.handle(list);
    REQUIRE(r.status == 200);
    auto body = body_json(r);
    REQUIRE_FALSE(validate(Shape::WorkflowListResult, body).has_value());
    std::vector<std::string> names;
    for (const auto& wf : body["value"]) names.push_back(wf["name"]);
    std::sort(names.begin(), names.end());
    REQUIRE(names == std::vector<std::string>{"noRequest", "orders", "testWorkflowName"});

    list.target = "/subscriptions/" + kSubscription +
                  "/resourceGroups/nope/providers/Microsoft.Logic/workflows?api-version=2019-05-01";
    require_arm_error(f.service.handle(list), 404, "ResourceGroupNotFound");
}

TEST_CASE("workflow resource error rows", "[workflows]") {
    CallbackFixture f;
    SECTION("a different location for an existing workflow: 409 InvalidResourceLocation") {
        Response r = put(f, kWorkflow, workflow_body("eastus"));
        require_arm_error(r, 409, "InvalidResourceLocation");
        REQUIRE_THAT(error_message(r), Catch::Contains("already exists in location 'westus'"));
        REQUIRE(f.workflow().location == "westus");
    }
    SECTION("PUT into a missing resource group: 404 ResourceGroupNotFound") {
        require_arm_error(put(f, "orders", workflow_body(), "nope"), 404, "ResourceGroupNotFound");
    }
    SECTION("an invalid workflow name: 400 InvalidResourceName") {
        require_arm_error(put(f, "bad%20name", workflow_body()), 400, "InvalidResourceName");
        require_arm_error(put(f, std::string(81, 'a'), workflow_body()), 400,
                          "InvalidResourceName");
    }
    SECTION("bodies against the Workflow schema: 400 InvalidRequestContent") {
        for (
            const char* body :
            {R"({"properties":{}})", R"({"location":""})",
             R"({"location":"westus","properties":{"state":"Paused"}})",
             R"({"location":"westus","properties":{"definition":{"triggers":{"t":{}}}}})",
             R"({"location":"westus","properties":{"definition":{"triggers":{"a/b":{"type":"Request"}}}}})",
             R"({"location":"westus","tags":{"n":1}})", "[]"}) {
            INFO(body);
            require_arm_error(put(f, "orders", body), 400, "InvalidRequestContent");
        }
        require_arm_error(put(f, "orders", ""), 400, "InvalidRequestContent");
        REQUIRE_FALSE(f.store->find_workflow({kSubscription, kResourceGroup, "orders"}));
    }
    SECTION("trigger names that differ only in case: 400") {
        Response r =
            put(f, "orders",
                R"({"location":"westus","properties":{"definition":{)"
                R"("triggers":{"Manual":{"type":"Request"},"manual":{"type":"Request"}}}}})");
        require_arm_error(r, 400, "InvalidRequestContent");
        REQUIRE_THAT(error_message(r), Catch::Contains("differ only in case"));
    }
    SECTION("PATCH is not served: 405 with the allowed methods") {
        Response r = f.service.handle(arm_request("PATCH", workflow_target(), "{}"));
        require_arm_error(r, 405, "MethodNotAllowed");
        REQUIRE(header(r, "Allow") == "GET, PUT, DELETE");
    }
}
