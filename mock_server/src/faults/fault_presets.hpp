#pragma once
// The catalogue of real ARM failures a rule can name ("preset": "Throttled"). Texts live in the
// error catalogue; this file only knows which entry each preset uses and what fills it in.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logicmock/http_types.hpp"
#include "protocol/route_types.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

const std::vector<std::string_view>& fault_preset_names();
bool is_fault_preset(std::string_view name);

// What a preset's message may mention about the request it answers.
struct PresetContext {
    const Request& request;
    const RouteMatch& route;
    SystemTime now;
};

// The error response (status, ErrorResponse body, Content-Type, Retry-After, failure cause).
Response preset_response(std::string_view preset, std::optional<int> retry_after,
                         const PresetContext& context);

}  // namespace logicmock
