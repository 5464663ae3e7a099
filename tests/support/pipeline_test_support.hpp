#pragma once
// Builders for transport-free pipeline tests: requests against the default seed and readers
// for what a caller observes in a Response.

#include <nlohmann/json.hpp>
#include <string>

#include "logicmock/seed.hpp"
#include "logicmock/service.hpp"

namespace logicmock::test {

inline const std::string kSubscription = "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345";
inline const std::string kResourceGroup = "testResourceGroup";
inline const std::string kWorkflow = "testWorkflowName";

// A test that needs what this machine lacks (the published contract in ../shared, say) skips with
// WARN(kSkipped << why) and returns. CTest reports it as skipped, not passed: the test binary's
// CTest tests carry SKIP_REGULAR_EXPRESSION "LOGICMOCK-SKIPPED:" (tests/core/CMakeLists.txt).
inline constexpr const char* kSkipped = "LOGICMOCK-SKIPPED: ";

std::string workflow_path(const std::string& sub = kSubscription,
                          const std::string& rg = kResourceGroup,
                          const std::string& wf = kWorkflow);
std::string regenerate_target(const std::string& api_version = "2019-05-01");

// A request to the /_mock/ admin API; a body makes it application/json.
Request admin_request(const std::string& method, const std::string& target,
                      const std::string& body = "");

// A well-formed regenerateAccessKey request; tests then break one thing.
Request regenerate_request(const std::string& body = R"({"keyType":"Primary"})");

struct ServiceFixture {
    explicit ServiceFixture(ServiceOptions options = {});
    std::shared_ptr<WorkflowStore> store;
    Service service;

    WorkflowRecord workflow(const std::string& name = kWorkflow) const;
};

nlohmann::json body_json(const Response& response);
std::string error_code(const Response& response);
std::string error_message(const Response& response);
std::string header(const Response& response, const std::string& name);  // "" when absent

// The response is an ARM error: that status and code, JSON content type, a valid ErrorResponse.
void require_arm_error(const Response& response, int status, const std::string& code);

// A JWT with the given claims (unsigned; the mock does not verify signatures).
std::string make_jwt(const nlohmann::json& claims);

}  // namespace logicmock::test
