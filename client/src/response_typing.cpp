#include "response_typing.hpp"

#include <nlohmann/json.hpp>

#include "logicmock/json_text.hpp"
#include "logicmock/schema_validator.hpp"

namespace logicmock::client {
namespace {

using nlohmann::json;

ContractError contract_error(const HttpResponse& response, std::string path, std::string message) {
    return {response.status, std::move(path), std::move(message), response.body};
}

// The parsed body, or the contract error saying why it is not JSON.
std::variant<json, ContractError> parse_body(const HttpResponse& response,
                                             std::string_view expected) {
    if (response.body.empty()) {
        return contract_error(response, "",
                              "The body is empty; " + std::string(expected) + " was expected.");
    }
    auto parsed = parse_json(response.body);
    if (auto* error = std::get_if<JsonParseError>(&parsed)) {
        return contract_error(response, "",
                              "The body is not JSON (" + error->message + "); " +
                                  std::string(expected) + " was expected.");
    }
    return std::get<json>(std::move(parsed));
}

// The body parsed and valid against shape, or the contract error naming the violation.
std::variant<json, ContractError> checked_body(const HttpResponse& response, Shape shape) {
    auto parsed = parse_body(response, shape_name(shape));
    if (auto* document = std::get_if<json>(&parsed)) {
        if (auto violation = validate(shape, *document)) {
            return contract_error(response, violation->path,
                                  "The body is not a valid " + std::string(shape_name(shape)) +
                                      ": " + violation->message);
        }
    }
    return parsed;
}

std::string string_at(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <class T>
Typed<T> retype(Typed<NoContent> error) {
    if (auto* arm = std::get_if<ArmError>(&error)) return std::move(*arm);
    return std::get<ContractError>(std::move(error));
}

bool is_success_2xx(int status) {
    return status >= 200 && status < 300;
}

// Only 200 is declared; any other 2xx is outside the contract.
std::optional<ContractError> undeclared_success(const HttpResponse& response) {
    if (response.status == 200 || !is_success_2xx(response.status)) return std::nullopt;
    return contract_error(response, "",
                          "Status " + std::to_string(response.status) +
                              " is not a declared response of this operation (only 200 is).");
}

}  // namespace

Typed<NoContent> type_error_response(const HttpResponse& response) {
    auto body = checked_body(response, Shape::ErrorResponse);
    if (auto* error = std::get_if<ContractError>(&body)) return std::move(*error);
    const json& details = std::get<json>(body).at("error");
    return ArmError{response.status,
                    string_at(details, "code"),
                    string_at(details, "message"),
                    std::string(response.headers.get("x-ms-request-id").value_or("")),
                    std::string(response.headers.get("x-ms-correlation-request-id").value_or("")),
                    response.body};
}

Typed<NoContent> type_no_content(const HttpResponse& response) {
    if (!is_success_2xx(response.status)) return type_error_response(response);
    if (auto error = undeclared_success(response)) return std::move(*error);
    if (response.body.empty()) return NoContent{};
    auto body = parse_body(response, "an empty body");
    if (auto* error = std::get_if<ContractError>(&body)) return std::move(*error);
    return NoContent{};
}

Typed<CallbackUrl> type_callback_url(const HttpResponse& response) {
    if (!is_success_2xx(response.status)) {
        return retype<CallbackUrl>(type_error_response(response));
    }
    if (auto error = undeclared_success(response)) return std::move(*error);
    auto body = checked_body(response, Shape::WorkflowTriggerCallbackUrl);
    if (auto* error = std::get_if<ContractError>(&body)) return std::move(*error);
    const json& document = std::get<json>(body);

    CallbackUrl url;
    url.value = string_at(document, "value");
    url.method = string_at(document, "method");
    url.base_path = string_at(document, "basePath");
    url.relative_path = string_at(document, "relativePath");
    if (auto it = document.find("relativePathParameters"); it != document.end()) {
        url.relative_path_parameters = it->get<std::vector<std::string>>();
    }
    if (auto it = document.find("queries"); it != document.end()) {
        for (const auto& [key, value] : it->items()) {
            if (value.is_string()) url.queries[key] = value.get<std::string>();
        }
    }
    url.body = response.body;
    return url;
}

Typed<HttpResponse> type_raw(const HttpResponse& response) {
    if (is_success_2xx(response.status)) return response;
    return retype<HttpResponse>(type_error_response(response));
}

}  // namespace logicmock::client
