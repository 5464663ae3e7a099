#include "arm/request_body.hpp"

#include "logicmock/schema_validator.hpp"
#include "util/text.hpp"

namespace logicmock {
namespace {

bool is_json_media_type(std::string_view content_type) {
    return iequals(trim_ows(content_type.substr(0, content_type.find(';'))), "application/json");
}

// Json.NET-style location suffix, as ARM's deserializer messages end.
std::string with_path(std::string message, const std::string& path) {
    return message + " Path '" + path + "'.";
}

}  // namespace

std::optional<ArmError> check_body_size(const Request& request, std::size_t max_bytes) {
    if (request.body.size() <= max_bytes) return std::nullopt;
    return make_error(ErrorId::RequestEntityTooLarge, {std::to_string(max_bytes)});
}

std::optional<ArmError> check_media_type(const Request& request) {
    auto content_type = request.headers.get("Content-Type");
    if (!content_type) {
        if (request.body.empty()) return std::nullopt;
        return make_error(ErrorId::UnsupportedMediaType, {"<null>"});
    }
    if (is_json_media_type(*content_type)) return std::nullopt;
    return make_error(ErrorId::UnsupportedMediaType, {*content_type});
}

std::variant<ParsedBody, ArmError> parse_body(const RequestContext& context,
                                              const RouteSpec& route) {
    bool blank = trim_ows(context.request.body).empty();
    if (route.body == BodyRule::Forbidden && !blank) {
        return make_error(ErrorId::UnexpectedRequestContent);
    }
    if (route.body == BodyRule::None || route.body == BodyRule::Forbidden ||
        (blank && route.body == BodyRule::Optional)) {
        return ParsedBody{};
    }
    if (blank) return make_error(ErrorId::MissingRequestContent);
    const auto& parsed = context.json_body();
    if (const auto* error = std::get_if<JsonParseError>(&parsed)) {
        return make_error(ErrorId::InvalidRequestContent, {error->message});
    }
    return ParsedBody{&std::get<nlohmann::json>(parsed)};
}

std::optional<ArmError> validate_body(const ParsedBody& body, const RouteSpec& route) {
    if (!route.body_shape || !body) return std::nullopt;
    auto violation = validate(*route.body_shape, *body);
    if (!violation) return std::nullopt;
    return make_error(ErrorId::InvalidRequestContent,
                      {with_path(violation->message, violation->path)});
}

}  // namespace logicmock
