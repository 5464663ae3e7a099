#include "identity/identity_test_support.hpp"

#include <catch2/catch.hpp>

#include "util/base64.hpp"

namespace logicmock::test {

Request form_post(const std::string& path, const std::string& body) {
    Request r;
    r.method = "POST";
    r.target = path;
    r.headers.set("Host", "127.0.0.1:8080");
    r.headers.set("Content-Type", "application/x-www-form-urlencoded");
    r.body = body;
    return r;
}

Request token_request(const std::string& tenant, const std::string& secret,
                      const std::string& scope) {
    return form_post("/" + tenant + "/oauth2/v2.0/token",
                     "client_id=" + kClientId + "&grant_type=client_credentials&client_info=1" +
                         "&client_secret=" + secret + "&scope=" + scope);
}

Request get(const std::string& target) {
    Request r;
    r.method = "GET";
    r.target = target;
    r.headers.set("Host", "127.0.0.1:8080");
    return r;
}

void require_entra_error(const Response& response, int status, const std::string& error,
                         int aadsts) {
    INFO(response.body);
    REQUIRE(response.status == status);
    REQUIRE(response.headers.get("Content-Type").value_or("") == "application/json; charset=utf-8");
    REQUIRE(response.headers.get("Cache-Control").value_or("") == "no-store, no-cache");
    auto body = nlohmann::json::parse(response.body);
    REQUIRE(body["error"] == error);
    const std::string description = body["error_description"];
    REQUIRE(description.rfind("AADSTS" + std::to_string(aadsts) + ": ", 0) == 0);
    REQUIRE(body["error_codes"] == nlohmann::json::array({aadsts}));
    REQUIRE_THAT(body["trace_id"].get<std::string>(), Catch::Matches("[0-9a-f-]{36}"));
    REQUIRE_THAT(body["correlation_id"].get<std::string>(), Catch::Matches("[0-9a-f-]{36}"));
    REQUIRE_THAT(body["timestamp"].get<std::string>(),
                 Catch::Matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ"));
    REQUIRE_THAT(
        description,
        Catch::Contains("\r\nTrace ID: " + body["trace_id"].get<std::string>() +
                        "\r\nCorrelation ID: " + body["correlation_id"].get<std::string>() +
                        "\r\nTimestamp: " + body["timestamp"].get<std::string>()));
}

namespace {
nlohmann::json part(const std::string& token, int index) {
    std::size_t start = 0;
    for (int i = 0; i < index; ++i) start = token.find('.', start) + 1;
    const std::size_t end = token.find('.', start);
    auto bytes = base64_decode(token.substr(start, end - start), Base64Alphabet::Url);
    REQUIRE(bytes);
    return nlohmann::json::parse(*bytes);
}
}  // namespace

nlohmann::json jwt_claims(const std::string& token) {
    return part(token, 1);
}
nlohmann::json jwt_header(const std::string& token) {
    return part(token, 0);
}

}  // namespace logicmock::test
