#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "logicmock/seed.hpp"

using namespace logicmock;

namespace {

std::string seed_error(const std::string& text) {
    try {
        parse_seed(text, "test.json");
    } catch (const SeedError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("the default seed holds the published sample's resources", "[seed]") {
    Seed seed = default_seed();
    REQUIRE(seed.subscriptions == std::vector<std::string>{"34adfa4f-cedf-4dc0-ba29-b6d1a69ab345"});
    REQUIRE(seed.resource_groups.size() == 1);
    REQUIRE(seed.resource_groups[0].name == "testResourceGroup");
    REQUIRE(seed.workflows.size() == 1);
    const auto& wf = seed.workflows[0];
    REQUIRE(wf.name == "testWorkflowName");
    REQUIRE(wf.triggers.size() == 1);
    REQUIRE(wf.triggers[0].name == "manual");
    REQUIRE(wf.triggers[0].type == "Request");
    REQUIRE(wf.primary_key != wf.secondary_key);
    REQUIRE_THAT(wf.workflow_id, Catch::Matches("[0-9a-f]{32}"));
    REQUIRE(default_seed().workflows[0].workflow_id == wf.workflow_id);
    REQUIRE(default_seed().workflows[0].primary_key != wf.primary_key);
}

TEST_CASE("the default seed file on disk is the compiled-in one", "[seed]") {
    Seed seed = load_seed_file(LOGICMOCK_FIXTURES_DIR "/default-seed.json");
    REQUIRE(seed.workflows.size() == default_seed().workflows.size());
    REQUIRE(seed.workflows[0].workflow_id == default_seed().workflows[0].workflow_id);
}

TEST_CASE("fixed keys in a seed are used as given", "[seed]") {
    Seed seed = parse_seed(R"({"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":"g",
        "workflows":[{"name":"w","accessKeys":{"primary":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}}]}]}]})",
                           "inline");
    REQUIRE(seed.workflows[0].primary_key == AccessKey{});
    REQUIRE(seed.workflows[0].secondary_key != AccessKey{});
    REQUIRE(seed.workflows[0].location == "westus");
}

TEST_CASE("bad seed files are refused with file, JSON path and problem", "[seed]") {
    REQUIRE(seed_error("{").rfind("seed file 'test.json': at $: ", 0) == 0);
    REQUIRE_THAT(
        seed_error(R"({"subscriptions":[{"resourceGroups":[]}]})"),
        Catch::Contains("at $.subscriptions[0]: Missing required property 'subscriptionId'"));
    REQUIRE_THAT(
        seed_error(
            R"({"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":"g","workflows":[{"name":"w","triggers":[{"name":"t"}]}]}]}]})"),
        Catch::Contains("at $.subscriptions[0].resourceGroups[0].workflows[0].triggers[0]:"));
    REQUIRE_THAT(seed_error(R"({"subscriptions":[],"extra":1})"),
                 Catch::Contains("The property 'extra' is not allowed here."));
    REQUIRE_THAT(
        seed_error(
            R"({"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":"g","workflows":[{"name":"w"},{"name":"W"}]}]}]})"),
        Catch::Contains(
            "at $.subscriptions[0].resourceGroups[0].workflows[1].name: duplicate workflow 'W'"));
    REQUIRE_THAT(
        seed_error(
            R"({"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":"a/b"}]}]})"),
        Catch::Contains("at $.subscriptions[0].resourceGroups[0].name: The value \"a/b\" does not "
                        "match the pattern"));
    REQUIRE_THROWS_AS(load_seed_file("/nonexistent/seed.json"), SeedError);
}
