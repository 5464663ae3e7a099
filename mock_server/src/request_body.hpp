#pragma once
// Stages 5-7: body size, media type, JSON syntax (depth-limited) and schema.

#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

#include "error_catalogue.hpp"
#include "logicmock/http_types.hpp"
#include "routes.hpp"

namespace logicmock {

std::optional<ArmError> check_body_size(const Request& request, std::size_t max_bytes);
std::optional<ArmError> check_media_type(const Request& request);

// The parsed body; nullopt when the route takes none or it is optional and was not sent.
using ParsedBody = std::optional<nlohmann::json>;
std::variant<ParsedBody, ArmError> parse_body(const Request& request, const RouteSpec& route);

std::optional<ArmError> validate_body(const ParsedBody& body, const RouteSpec& route);

}  // namespace logicmock
