// Workflows_RegenerateAccessKey succeeds for every key type and rotates the right key.
#include <catch2/catch.hpp>
#include <cctype>

#include "contract_checks.hpp"
#include "contract_target.hpp"
#include "logicmock/mock_server.hpp"

using namespace logicmock;
using namespace logicmock::client;
using logicmock::contract::contract_target;
using logicmock::contract::current_record;

TEST_CASE("every key type regenerates with 200 and no body", "[contract][regenerate]") {
    auto client = contract_target().make_client();
    for (KeyType key_type : {KeyType::Primary, KeyType::Secondary, KeyType::NotSpecified}) {
        CAPTURE(to_string(key_type));
        auto result = client.regenerate_access_key(contract_target().workflow, key_type);
        INFO("outcome: " << to_string(result.kind()));
        REQUIRE(result.ok());
        CHECK(result.status() == 200);
        CHECK(result.response->body.empty());
        CHECK(contract::arm_header_problems(*result.response) == std::vector<std::string>{});
    }
}

TEST_CASE("regenerating a key replaces exactly that key", "[contract][regenerate]") {
    if (!contract::has_server_control("reads the workflow's keys from the server's store")) return;
    auto client = contract_target().make_client();
    struct Row {
        KeyType requested;
        bool primary_changes;
    };
    // NotSpecified rotates the primary key under the server's default policy.
    for (Row row : {Row{KeyType::Primary, true}, Row{KeyType::Secondary, false},
                    Row{KeyType::NotSpecified, true}}) {
        CAPTURE(to_string(row.requested));
        const WorkflowRecord before = current_record();
        REQUIRE(client.regenerate_access_key(contract_target().workflow, row.requested).ok());
        const WorkflowRecord after = current_record();
        CHECK((after.primary_key != before.primary_key) == row.primary_changes);
        CHECK((after.secondary_key != before.secondary_key) == !row.primary_changes);
        CHECK(after.primary_rotations == before.primary_rotations + (row.primary_changes ? 1 : 0));
    }
}

TEST_CASE("resource names compare case-insensitively", "[contract][regenerate]") {
    Workflow shouted = contract_target().workflow;
    for (std::string* name : {&shouted.resource_group, &shouted.name}) {
        for (char& c : *name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    auto result = contract_target().make_client().regenerate_access_key(shouted, KeyType::Primary);
    CHECK(result.ok());
}

TEST_CASE("every supported api-version is accepted", "[contract][regenerate]") {
    auto client = contract_target().make_client();
    const std::string path = workflow_path(contract_target().workflow) + "/regenerateAccessKey";
    for (const char* version : {"2016-06-01", "2018-07-01-preview", "2019-05-01"}) {
        CAPTURE(version);
        auto result =
            client.send_raw("POST", path + "?api-version=" + version,
                            {{"Content-Type", "application/json"}}, R"({"keyType": "Primary"})");
        CHECK(result.ok());
        CHECK(result.status() == 200);
    }
}
