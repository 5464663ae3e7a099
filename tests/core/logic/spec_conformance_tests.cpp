// Checks against the published contract in ../shared (LOGICMOCK_SHARED_DIR,
// tests/core/CMakeLists.txt) when it is there; reported to CTest as skipped otherwise (kSkipped).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "logicmock/schema_validator.hpp"
#include "pipeline_test_support.hpp"

using namespace logicmock;
using namespace logicmock::test;

namespace {

const std::filesystem::path kSpecDir =
    std::filesystem::path(LOGICMOCK_SHARED_DIR) / "spec" / "azure-logic-2019-05-01";

bool have_spec() {
    return std::filesystem::exists(kSpecDir / "logic.json");
}

nlohmann::json read(const std::filesystem::path& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

}  // namespace

TEST_CASE("our KeyType enum is the swagger's", "[spec]") {
    if (!have_spec()) {
        WARN(kSkipped << kSpecDir << " is not present");
        return;
    }
    auto swagger = read(kSpecDir / "logic.json");
    for (const auto& value : swagger["definitions"]["KeyType"]["enum"]) {
        INFO(value);
        REQUIRE_FALSE(
            validate(Shape::RegenerateActionParameter, nlohmann::json{{"keyType", value}}));
    }
    REQUIRE(validate(Shape::RegenerateActionParameter, nlohmann::json{{"keyType", "Tertiary"}}));
}

TEST_CASE("the published regenerateAccessKey example is answered as it says", "[spec]") {
    if (!have_spec()) {
        WARN(kSkipped << kSpecDir << " is not present");
        return;
    }
    auto example = read(kSpecDir / "examples" / "Workflows_RegenerateAccessKey.json");
    const auto& p = example["parameters"];
    ServiceFixture f;
    Request r;
    r.method = "POST";
    r.target = workflow_path(p["subscriptionId"], p["resourceGroupName"], p["workflowName"]) +
               "/regenerateAccessKey?api-version=" + p["api-version"].get<std::string>();
    r.headers.add("Authorization", "Bearer token");
    r.headers.add("Content-Type", "application/json");
    r.body = p["keyType"].dump();
    Response res = f.service.handle(r);
    REQUIRE(example["responses"].contains(std::to_string(res.status)));
    REQUIRE(res.body.empty());
    REQUIRE(f.workflow().primary_rotations == 1);
}

TEST_CASE("the swagger's ErrorResponse example shape passes our schema", "[spec]") {
    if (!have_spec()) {
        WARN(kSkipped << kSpecDir << " is not present");
        return;
    }
    auto swagger = read(kSpecDir / "logic.json");
    const auto& props = swagger["definitions"]["ErrorProperties"]["properties"];
    REQUIRE(props.contains("code"));
    REQUIRE(props.contains("message"));
    nlohmann::json body{{"error", {{"code", "X"}, {"message", "m"}}}};
    REQUIRE_FALSE(validate(Shape::ErrorResponse, body));
}
