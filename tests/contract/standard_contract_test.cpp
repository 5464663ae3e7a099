// Logic Apps Standard through the client: the hostruntime regenerateAccessKey and a trigger's
// callback URL in Standard's format. Against another endpoint (real Azure), name an existing
// Standard workflow with LOGICMOCK_CONTRACT_SITE, LOGICMOCK_CONTRACT_SITE_WORKFLOW and
// LOGICMOCK_CONTRACT_SITE_TRIGGER (default: the sample seed's testStandardSite,
// testStandardWorkflow, manual); subscription and resource group are the suite's.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "contract_checks.hpp"
#include "contract_target.hpp"
#include "logicmock/mock_server.hpp"

using namespace logicmock;
using namespace logicmock::client;
using logicmock::contract::contract_target;

namespace {

std::string env_or(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    return value && *value ? value : fallback;
}

Workflow standard_workflow() {
    Workflow wf = contract_target().workflow;
    wf.site = env_or("LOGICMOCK_CONTRACT_SITE", "testStandardSite");
    wf.name = env_or("LOGICMOCK_CONTRACT_SITE_WORKFLOW", "testStandardWorkflow");
    return wf;
}

std::string standard_trigger() {
    return env_or("LOGICMOCK_CONTRACT_SITE_TRIGGER", "manual");
}

}  // namespace

TEST_CASE("Standard regenerateAccessKey answers 200 with no body", "[contract][standard]") {
    auto client = contract_target().make_client();
    for (KeyType key_type : {KeyType::Primary, KeyType::Secondary}) {
        CAPTURE(to_string(key_type));
        auto result = client.regenerate_access_key(standard_workflow(), key_type);
        INFO("outcome: " << to_string(result.kind()));
        REQUIRE(result.ok());
        CHECK(result.status() == 200);
        CHECK(result.response->body.empty());
        CHECK(contract::arm_header_problems(*result.response) == std::vector<std::string>{});
    }
}

TEST_CASE("a Standard trigger callback URL has Standard's format and changes on rotation",
          "[contract][standard]") {
    auto client = contract_target().make_client();
    const Workflow wf = standard_workflow();
    auto before = client.list_trigger_callback_url(wf, standard_trigger());
    INFO("outcome: " << to_string(before.kind()));
    REQUIRE(before.ok());
    const CallbackUrl& url = before.value();
    const std::string path = "/api/" + wf.name + "/triggers/" + standard_trigger() + "/invoke";
    CHECK(url.value.find(path + "?api-version=") != std::string::npos);
    CHECK(url.queries.at("sp") == "/triggers/" + standard_trigger() + "/run");
    CHECK(url.queries.at("sv") == "1.0");
    CHECK(url.queries.at("sig").size() == 43);
    REQUIRE(client.regenerate_access_key(wf, KeyType::Primary).ok());
    auto after = client.list_trigger_callback_url(wf, standard_trigger());
    REQUIRE(after.ok());
    CHECK(after.value().queries.at("sig") != url.queries.at("sig"));
}

TEST_CASE("an unknown Standard site or workflow is a 404", "[contract][standard]") {
    auto client = contract_target().make_client();
    Workflow no_site = standard_workflow();
    no_site.site = "logicmock-no-such-site";
    auto site = client.regenerate_access_key(no_site, KeyType::Primary);
    REQUIRE(site.arm_error());
    CHECK(site.status() == 404);
    CHECK(site.arm_error()->code == "ResourceNotFound");
    Workflow no_workflow = standard_workflow();
    no_workflow.name = "logicmock-no-such-workflow";
    auto workflow = client.regenerate_access_key(no_workflow, KeyType::Primary);
    REQUIRE(workflow.arm_error());
    CHECK(workflow.status() == 404);
}
