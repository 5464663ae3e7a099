#include "pipeline_test_support.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>

#include "logicmock/schema_validator.hpp"
#include "util/base64.hpp"

namespace logicmock::test {

std::string workflow_path(const std::string& sub, const std::string& rg, const std::string& wf) {
    return "/subscriptions/" + sub + "/resourceGroups/" + rg +
           "/providers/Microsoft.Logic/workflows/" + wf;
}

std::string regenerate_target(const std::string& api_version) {
    return workflow_path() + "/regenerateAccessKey?api-version=" + api_version;
}

Request admin_request(const std::string& method, const std::string& target,
                      const std::string& body) {
    Request r;
    r.method = method;
    r.target = target;
    r.body = body;
    if (!body.empty()) r.headers.add("Content-Type", "application/json");
    return r;
}

Request regenerate_request(const std::string& body) {
    Request r;
    r.method = "POST";
    r.target = regenerate_target();
    r.headers.add("Authorization", "Bearer test-token");
    r.headers.add("Content-Type", "application/json");
    r.body = body;
    return r;
}

ServiceFixture::ServiceFixture(ServiceOptions options)
    : store(make_memory_store(default_seed())), service(std::move(options), store) {}

WorkflowRecord ServiceFixture::workflow(const std::string& name) const {
    auto wf = store->find_workflow({kSubscription, kResourceGroup, name});
    if (!wf) throw std::runtime_error("workflow missing from the store: " + name);
    return *wf;
}

nlohmann::json body_json(const Response& response) {
    return nlohmann::json::parse(response.body);
}

std::string error_code(const Response& response) {
    return body_json(response)["error"]["code"].get<std::string>();
}

std::string error_message(const Response& response) {
    return body_json(response)["error"]["message"].get<std::string>();
}

std::string header(const Response& response, const std::string& name) {
    auto value = response.headers.get(name);
    return value ? std::string(*value) : std::string();
}

void require_arm_error(const Response& response, int status, const std::string& code) {
    INFO(response.body);
    REQUIRE(response.status == status);
    REQUIRE(header(response, "Content-Type") == "application/json; charset=utf-8");
    REQUIRE_FALSE(validate(Shape::ErrorResponse, body_json(response)).has_value());
    REQUIRE(error_code(response) == code);
}

std::string make_jwt(const nlohmann::json& claims) {
    auto part = [](const std::string& s) { return base64_encode(s, Base64Alphabet::Url, false); };
    return part(R"({"alg":"RS256","typ":"JWT"})") + "." + part(claims.dump()) + ".c2lnbmF0dXJl";
}

}  // namespace logicmock::test
