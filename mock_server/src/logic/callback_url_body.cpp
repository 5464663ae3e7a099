#include "logic/callback_url_body.hpp"

#include <nlohmann/json.hpp>

#include "logic/workflow_resource.hpp"
#include "logicmock/json_text.hpp"

namespace logicmock {

Response callback_url_response(std::string_view url_base, std::string_view base_path,
                               std::string_view api_version, const SignedFields& fields,
                               std::string_view sig) {
    std::string value = std::string(url_base) + "?api-version=" + url_encode(api_version);
    if (!fields.se.empty()) value += "&se=" + url_encode(fields.se);
    value += "&sp=" + url_encode(fields.sp) + "&sv=" + fields.sv + "&sig=" + std::string(sig);

    nlohmann::json queries{
        {"api-version", api_version}, {"sp", fields.sp}, {"sv", fields.sv}, {"sig", sig}};
    if (!fields.se.empty()) queries["se"] = fields.se;
    const nlohmann::json body{{"value", value},
                              {"method", "POST"},
                              {"basePath", base_path},
                              {"queries", queries},
                              {"relativePathParameters", nlohmann::json::array()}};
    Response response{200, {}, to_json_text(body)};
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    return response;
}

}  // namespace logicmock
