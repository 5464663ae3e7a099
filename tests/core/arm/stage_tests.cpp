// Unit tests of the pieces each pipeline stage is built from.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "arm/routes.hpp"
#include "logicmock/json_text.hpp"
#include "logicmock/schema_validator.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/request_target.hpp"
#include "util/arm_time.hpp"
#include "util/base64.hpp"

using namespace logicmock;

TEST_CASE("request targets split before decoding", "[stage][target]") {
    auto t = parse_request_target("/a/b%2Fc//d%20e?api-version=2019-05-01&x=1+2&flag&y=%3D");
    REQUIRE(t.segments == std::vector<std::string>{"a", "b/c", "d e"});
    REQUIRE(t.query_value("API-VERSION") == "2019-05-01");
    REQUIRE(t.query_value("x") == "1 2");
    REQUIRE(t.query_value("flag") == "");
    REQUIRE(t.query_value("y") == "=");
    REQUIRE_FALSE(t.query_value("missing"));

    SECTION("duplicate parameters: the first wins") {
        REQUIRE(parse_request_target("/?api-version=1&api-version=2").query_value("api-version") ==
                "1");
    }
    SECTION("broken escapes are kept as they are") {
        REQUIRE(parse_request_target("/a%zz/%4").segments ==
                std::vector<std::string>{"a%zz", "%4"});
    }
    SECTION("NUL bytes decode into the segment, never end it") {
        REQUIRE(parse_request_target("/a%00b").segments[0] == std::string("a\0b", 3));
    }
}

TEST_CASE("routes match literals case-insensitively and report allowed methods", "[stage][route]") {
    auto segments = parse_request_target(
                        "/subscriptions/s/resourceGroups/g/providers/MICROSOFT.LOGIC/workflows/w/"
                        "regenerateaccesskey")
                        .segments;
    auto hit = match_route("POST", segments);
    REQUIRE(std::holds_alternative<RouteMatch>(hit));
    const auto& match = std::get<RouteMatch>(hit);
    REQUIRE(match.params.subscription_id == "s");
    REQUIRE(match.params.resource_group == "g");
    REQUIRE(match.params.workflow == "w");
    REQUIRE(match.route->operation_id == "Workflows_RegenerateAccessKey");

    auto wrong = match_route("DELETE", segments);
    REQUIRE(std::get<MethodMismatch>(wrong).allow == "POST");

    segments.back() = "noSuchAction";
    REQUIRE(std::holds_alternative<NoRoute>(match_route("POST", segments)));
}

TEST_CASE("base64 round trips in both alphabets", "[stage][base64]") {
    std::string bytes = std::string("\xfb\xff\x00\x10hello", 9);
    for (auto alphabet : {Base64Alphabet::Standard, Base64Alphabet::Url}) {
        for (bool pad : {true, false}) {
            REQUIRE(base64_decode(base64_encode(bytes, alphabet, pad), alphabet) == bytes);
        }
    }
    REQUIRE(base64_encode("\xfb\xff", Base64Alphabet::Url, false) == "-_8");
    REQUIRE(base64_encode("\xfb\xff", Base64Alphabet::Standard, true) == "+/8=");
    REQUIRE_FALSE(base64_decode("a$b=", Base64Alphabet::Standard));
    REQUIRE_FALSE(base64_decode("abcde", Base64Alphabet::Url));
}

TEST_CASE("JSON parsing refuses deep nesting and bad input without throwing", "[stage][json]") {
    REQUIRE(std::holds_alternative<nlohmann::json>(parse_json(R"({"a":[1,{"b":"[[[["}]})", 3)));
    REQUIRE(std::holds_alternative<JsonParseError>(parse_json("[[[[]]]]", 3)));
    REQUIRE(std::holds_alternative<JsonParseError>(parse_json(std::string(1000000, '['))));
    REQUIRE(std::holds_alternative<JsonParseError>(parse_json("{\"a\":\"\xc3\x28\"}")));
    REQUIRE(std::holds_alternative<JsonParseError>(parse_json("")));
    REQUIRE(to_json_text(nlohmann::json("bad \xff byte")).find("\\u") == std::string::npos);
}

TEST_CASE("a JSON number out of range is a parse error naming its path", "[stage][json]") {
    const std::string huge = "1" + std::string(400, '0');
    auto message = [](const std::string& text) {
        auto parsed = parse_json(text);
        REQUIRE(std::holds_alternative<JsonParseError>(parsed));
        return std::get<JsonParseError>(parsed).message;
    };
    REQUIRE(message(R"({"keyType":)" + huge + "}") ==
            "A JSON number is out of range. Path 'keyType', line 1, position 412.");
    REQUIRE_THAT(message(R"({"a":{"b c":[0,{"d":[)" + huge + "]}]}}"),
                 Catch::StartsWith("A JSON number is out of range. Path 'a['b c'][1].d[0]'"));
    REQUIRE_THAT(message("-1e999"), Catch::StartsWith("A JSON number is out of range. Path ''"));
    REQUIRE_THAT(message("{\n\"a\": tru}"), Catch::EndsWith("Path 'a', line 2, position 9."));
}

TEST_CASE("schema validation names the path and the rule", "[stage][schema]") {
    auto v = validate(Shape::RegenerateActionParameter, nlohmann::json{{"keyType", "Tertiary"}});
    REQUIRE(v);
    REQUIRE(v->path == "keyType");
    REQUIRE(v->message ==
            "The value \"Tertiary\" is not one of the allowed values 'NotSpecified', 'Primary', "
            "'Secondary'.");
    REQUIRE_FALSE(
        validate(Shape::RegenerateActionParameter, nlohmann::json{{"keyType", "Primary"}}));
    REQUIRE_FALSE(validate(Shape::RegenerateActionParameter, nlohmann::json::object()));

    SECTION("ErrorResponse requires error.code and error.message") {
        REQUIRE_FALSE(validate(Shape::ErrorResponse,
                               nlohmann::json::parse(R"({"error":{"code":"X","message":"m"}})")));
        auto missing =
            validate(Shape::ErrorResponse, nlohmann::json::parse(R"({"error":{"code":"X"}})"));
        REQUIRE(missing);
        REQUIRE(missing->path == "error");
        REQUIRE_THAT(missing->message, Catch::Contains("message"));
        REQUIRE(validate(Shape::ErrorResponse, nlohmann::json::parse(R"({"code":"X"})")));
    }
    SECTION("nested array paths") {
        auto seed = nlohmann::json::parse(
            R"({"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":"g","workflows":[{"name":"w","state":"On"}]}]}]})");
        auto bad = validate(Shape::SeedFile, seed);
        REQUIRE(bad);
        REQUIRE(bad->path == "subscriptions[0].resourceGroups[0].workflows[0].state");
        REQUIRE(json_path_for_humans(bad->path) ==
                "$.subscriptions[0].resourceGroups[0].workflows[0].state");
    }
}

TEST_CASE("the error catalogue is complete and every body is a valid ErrorResponse",
          "[stage][catalogue]") {
    std::set<int> ids;
    for (const auto& entry : error_catalogue()) {
        INFO(entry.code);
        REQUIRE(ids.insert(static_cast<int>(entry.id)).second);
        REQUIRE(entry.status >= 400);
        REQUIRE(entry.status < 600);
        ArmError e = make_error(entry.id, {"a", "b", "c", "d", "e"});
        REQUIRE(e.message.find("{0}") == std::string::npos);
        REQUIRE_FALSE(validate(Shape::ErrorResponse, nlohmann::json::parse(error_body(e))));
    }
    REQUIRE(ids.size() == static_cast<std::size_t>(ErrorId::InternalServerError) + 1);
}

TEST_CASE("ARM time formats", "[stage][time]") {
    auto t = SystemTime(std::chrono::seconds(1600000000));  // 2020-09-13 12:26:40 UTC
    REQUIRE(http_date(t) == "Sun, 13 Sep 2020 12:26:40 GMT");
    REQUIRE(routing_timestamp(t) == "20200913T122640Z");
    REQUIRE(arm_expiry_time(t) == "9/13/2020 12:26:40 PM");
    REQUIRE(arm_expiry_time(SystemTime(std::chrono::seconds(1600000000 - 12 * 3600 - 1))) ==
            "9/13/2020 12:26:39 AM");
}
