#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/request_trace.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

// The ids one request carries through ARM.
struct RequestIds {
    std::string request_id;      // new for every request
    std::string correlation_id;  // the caller's x-ms-correlation-request-id, else request_id
};

RequestIds assign_request_ids(const Request& request);

// A JSON answer: the body as compact JSON, Content-Type application/json; charset=utf-8.
Response json_response(int status, const nlohmann::json& body);

// The response for an error: status, ErrorResponse body, content type and the error's headers.
Response error_response(const ArmError& error);

// Headers ARM puts on every response (ids, rate limit, caching, Date, ...). The rate-limit
// headers: with ThrottleMode::Off the legacy constant; else the counts, when there are any.
void add_arm_headers(Response& response, const Request& request, const RequestIds& ids,
                     const ServiceOptions& options, SystemTime now, ThrottleMode mode,
                     const std::optional<RateLimitCounts>& rate_limit);

}  // namespace logicmock
