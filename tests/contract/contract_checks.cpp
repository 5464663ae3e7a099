#include "contract_checks.hpp"

#include <nlohmann/json.hpp>

#include "logicmock/json_text.hpp"
#include "logicmock/schema_validator.hpp"

namespace logicmock::contract {

std::vector<std::string> arm_header_problems(const client::HttpResponse& response,
                                             std::string_view method) {
    const char* rate_limit = method == "GET" ? "x-ms-ratelimit-remaining-subscription-reads"
                                             : "x-ms-ratelimit-remaining-subscription-writes";
    std::vector<std::string> problems;
    for (const char* name : {"x-ms-request-id", "x-ms-correlation-request-id",
                             "x-ms-routing-request-id", rate_limit, "Date"}) {
        auto value = response.headers.get(name);
        if (!value || value->empty()) problems.push_back(name);
    }
    for (auto [name, expected] : {std::pair{"Cache-Control", "no-cache"},
                                  std::pair{"Pragma", "no-cache"}, std::pair{"Expires", "-1"}}) {
        if (response.headers.get(name) != expected) {
            problems.push_back(std::string(name) + ": " + expected);
        }
    }
    return problems;
}

std::string error_body_problem(const std::string& body) {
    auto parsed = parse_json(body);
    if (auto* error = std::get_if<JsonParseError>(&parsed)) return "not JSON: " + error->message;
    auto violation = validate(Shape::ErrorResponse, std::get<nlohmann::json>(parsed));
    return violation ? "at '" + violation->path + "': " + violation->message : "";
}

}  // namespace logicmock::contract
