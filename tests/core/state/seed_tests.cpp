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
    REQUIRE(seed.subscriptions ==
            std::vector<SubscriptionRecord>{{"34adfa4f-cedf-4dc0-ba29-b6d1a69ab345",
                                             "d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c", ""}});
    REQUIRE(seed.tenants.size() == 1);
    REQUIRE(seed.tenants[0].tenant_id == "d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c");
    REQUIRE(seed.tenants[0].display_name == "logicmock");
    REQUIRE(seed.tenants[0].default_domain == "logicmock.onmicrosoft.com");
    REQUIRE(seed.tenants[0].service_principals ==
            std::vector<ServicePrincipalRecord>{{"5d4c8d2e-1b7a-4f3e-9c61-0a2b3c4d5e6f",
                                                 "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4",
                                                 "logicmock-dev",
                                                 {"logicmock-dev-secret"},
                                                 {}}});
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

namespace {
constexpr const char* kTenantA = "aaaaaaaa-0000-4000-8000-000000000001";
constexpr const char* kTenantB = "bbbbbbbb-0000-4000-8000-000000000002";
constexpr const char* kClient = "cccccccc-0000-4000-8000-000000000003";
}  // namespace

TEST_CASE("subscriptions name their tenant, the first tenant owns the others", "[seed]") {
    Seed seed = parse_seed(std::string(R"({"tenants":[{"tenantId":")") + kTenantA +
                               R"(","displayName":"A"},{"tenantId":")" + kTenantB +
                               R"(","displayName":"B","defaultDomain":"b.example.com"}],
        "subscriptions":[{"subscriptionId":"s1"},{"subscriptionId":"s2","tenantId":")" +
                               kTenantB + R"(","displayName":"Second"}]})",
                           "inline");
    REQUIRE(seed.subscriptions ==
            std::vector<SubscriptionRecord>{{"s1", kTenantA, ""}, {"s2", kTenantB, "Second"}});
    REQUIRE(seed.tenants[1].default_domain == "b.example.com");
    REQUIRE(seed.tenants[0].service_principals.empty());

    Seed none = parse_seed(R"({"subscriptions":[{"subscriptionId":"s"}]})", "inline");
    REQUIRE(none.tenants.empty());
    REQUIRE(none.subscriptions[0].tenant_id.empty());
}

TEST_CASE("bad tenants and principals in a seed are refused with their JSON path", "[seed]") {
    const std::string tenant =
        std::string(R"({"tenantId":")") + kTenantA + R"(","displayName":"A")";
    REQUIRE_THAT(seed_error(R"({"tenants":[)" + tenant +
                            R"(}],"subscriptions":[{"subscriptionId":"s","tenantId":")" + kTenantB +
                            R"("}]})"),
                 Catch::Contains("at $.subscriptions[0].tenantId: tenant '" +
                                 std::string(kTenantB) + "' is not one of the seed's tenants"));
    REQUIRE_THAT(
        seed_error(R"({"tenants":[)" + tenant + "}," + tenant + R"(}],"subscriptions":[]})"),
        Catch::Contains("at $.tenants[1].tenantId: duplicate tenant"));
    const std::string sp = std::string(R"({"clientId":")") + kClient + R"(","objectId":")" +
                           kTenantB + R"(","displayName":"x","secrets":["s"]})";
    REQUIRE_THAT(seed_error(R"({"tenants":[)" + tenant + R"(,"servicePrincipals":[)" + sp + "," +
                            sp + R"(]}],"subscriptions":[]})"),
                 Catch::Contains("at $.tenants[0].servicePrincipals[1].clientId: duplicate service "
                                 "principal client id"));
    REQUIRE_THAT(
        seed_error(
            R"({"tenants":[{"tenantId":"not-a-guid","displayName":"A"}],"subscriptions":[]})"),
        Catch::Contains("at $.tenants[0].tenantId:"));
    REQUIRE_THAT(seed_error(R"({"tenants":[)" + tenant + R"(,"servicePrincipals":[{"clientId":")" +
                            kClient + R"(","objectId":")" + kTenantB +
                            R"(","displayName":"x","secrets":[""]}]}],"subscriptions":[]})"),
                 Catch::Contains("at $.tenants[0].servicePrincipals[0].secrets[0]:"));
}
