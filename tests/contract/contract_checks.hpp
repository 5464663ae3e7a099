#pragma once
// Assertions shared by the contract cases: ARM response headers and error rows.

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "logicmock/client/result.hpp"

namespace logicmock::contract {

// Names of ARM headers that are absent or wrong ("Pragma: no-cache", ...); empty when all fine.
// The rate-limit header names writes, or reads for a GET.
std::vector<std::string> arm_header_problems(const client::HttpResponse& response,
                                             std::string_view method = "POST");

// Why body is not a valid ErrorResponse, or "" when it is (checked with logicmock::validate).
std::string error_body_problem(const std::string& body);

// The result is an ARM error with this status and code, a valid body and the ARM headers.
template <class T>
void check_error_row(const client::Result<T>& result, int status, const std::string& code,
                     std::string_view method = "POST") {
    REQUIRE(result.response.has_value());
    INFO("response body: " << result.response->body);
    CHECK(result.status() == status);
    CHECK(error_body_problem(result.response->body) == "");
    REQUIRE(result.arm_error() != nullptr);
    CHECK(result.arm_error()->code == code);
    CHECK_FALSE(result.arm_error()->message.empty());
    CHECK(result.response->headers.get("Content-Type") == "application/json; charset=utf-8");
    CHECK(arm_header_problems(*result.response, method) == std::vector<std::string>{});
    CHECK(result.attempts == 1);
}

}  // namespace logicmock::contract
