#pragma once
// What both runtimes (Consumption's /workflows/... and Standard's /api/...) answer with: their
// headers, an error in the ErrorResponse shape, and the 202 of an accepted trigger call.

#include <functional>
#include <initializer_list>
#include <string_view>

#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/error_catalogue.hpp"
#include "protocol/request_context.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

void add_runtime_headers(Response& response, SystemTime now);
Response runtime_error(ErrorId id, std::initializer_list<std::string_view> args = {});
// A Request trigger without a Response action: 202, no body, the run's x-ms-* headers.
Response accepted_run(const WorkflowRecord& workflow, const ServiceOptions& options,
                      SystemTime now);

// Names the operation in the trace, runs invoke (an exception is a 500), adds the headers.
Response runtime_answer(RequestContext& context, std::string_view operation_id,
                        const std::function<Response()>& invoke);

}  // namespace logicmock
