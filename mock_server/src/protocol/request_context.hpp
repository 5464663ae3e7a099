#pragma once
// One request on its way down the front door: what each stage learned about it, carried to the
// next so that no stage derives it again. The target is split and decoded once; the body is
// parsed as JSON at most once, on first use (the fault stage may peek at keyType before the body
// stage reads it); the trace collects route, fault and error for the journal.

#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

#include "logicmock/http_types.hpp"
#include "logicmock/json_text.hpp"
#include "protocol/caller_principal.hpp"
#include "protocol/request_target.hpp"
#include "protocol/request_trace.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

// The body as an operation sees it: null when the route takes none, or it is optional and was
// not sent. Points into the RequestContext, which outlives the operation.
using ParsedBody = const nlohmann::json*;

class RequestContext {
  public:
    RequestContext(const Request& request, SystemTime now)
        : request(request), now(now), target(parse_request_target(request.target)) {}
    RequestContext(const RequestContext&) = delete;
    RequestContext& operator=(const RequestContext&) = delete;

    const Request& request;
    const SystemTime now;
    const RequestTarget target;
    RequestTrace trace;
    CallerPrincipal principal;  // filled by the authentication stage

    // The body parsed as JSON (depth-limited); the same result however often it is asked for.
    const std::variant<nlohmann::json, JsonParseError>& json_body() const {
        if (!json_) json_ = parse_json(request.body);
        return *json_;
    }

  private:
    mutable std::optional<std::variant<nlohmann::json, JsonParseError>> json_;
};

}  // namespace logicmock
