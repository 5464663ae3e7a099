#pragma once
// Stages 5-7: body size, media type, JSON syntax (depth-limited) and schema.

#include <optional>
#include <variant>

#include "logicmock/http_types.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/request_context.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

std::optional<ArmError> check_body_size(const Request& request, std::size_t max_bytes);
std::optional<ArmError> check_media_type(const Request& request);

// The body the route takes, parsed once by the context; null when none is due.
std::variant<ParsedBody, ArmError> parse_body(const RequestContext& context,
                                              const RouteSpec& route);

std::optional<ArmError> validate_body(const ParsedBody& body, const RouteSpec& route);

}  // namespace logicmock
