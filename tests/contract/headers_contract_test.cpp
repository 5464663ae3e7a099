// ARM response headers on success, and the request-id headers a caller can ask for.
#include <catch2/catch.hpp>

#include "contract_checks.hpp"
#include "contract_target.hpp"

using namespace logicmock;
using namespace logicmock::client;
using logicmock::contract::contract_target;

namespace {

Result<HttpResponse> regenerate_raw(HeaderList headers) {
    headers.add("Content-Type", "application/json");
    return contract_target().make_client().send_raw(
        "POST",
        workflow_path(contract_target().workflow) + "/regenerateAccessKey?api-version=2019-05-01",
        std::move(headers), R"({"keyType":"Secondary"})");
}

}  // namespace

TEST_CASE("a success carries every ARM header", "[contract][headers]") {
    auto result = contract_target().make_client().regenerate_access_key(contract_target().workflow,
                                                                        KeyType::Secondary);
    REQUIRE(result.ok());
    CHECK(contract::arm_header_problems(*result.response) == std::vector<std::string>{});
}

TEST_CASE("every response has its own x-ms-request-id", "[contract][headers]") {
    auto first = regenerate_raw({});
    auto second = regenerate_raw({});
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(first.response->headers.get("x-ms-request-id") !=
          second.response->headers.get("x-ms-request-id"));
}

TEST_CASE("x-ms-client-request-id is echoed only when asked for", "[contract][headers]") {
    auto asked = regenerate_raw({{"x-ms-return-client-request-id", "true"}});
    REQUIRE(asked.ok());
    CHECK(asked.response->headers.get("x-ms-client-request-id") == asked.client_request_id);

    auto not_asked = regenerate_raw({});
    REQUIRE(not_asked.ok());
    CHECK_FALSE(not_asked.response->headers.contains("x-ms-client-request-id"));
}

TEST_CASE("a caller's x-ms-correlation-request-id is kept", "[contract][headers]") {
    const std::string correlation = "5f0c1b2a-9d8e-4c7b-a6f5-e4d3c2b1a098";
    auto result = regenerate_raw({{"x-ms-correlation-request-id", correlation}});
    REQUIRE(result.ok());
    CHECK(result.response->headers.get("x-ms-correlation-request-id") == correlation);
}
