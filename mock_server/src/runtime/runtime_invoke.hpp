#pragma once
// The Logic runtime host: POST /workflows/{workflowId}/triggers/{trigger}/paths/invoke?sp&sv&sig
// [&se] (also under /versions/{versionId}). Not ARM: no bearer token, no api-version check;
// the SAS in the query is the credential (docs/callbacks-and-state.md).

#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/request_context.hpp"

namespace logicmock {

// True when the request target's path starts with /workflows/.
bool is_runtime_request(const Request& request);

// Answers the invocation; names the workflow in context.trace when the id is known.
Response handle_runtime_request(RequestContext& context, const ServiceOptions& options,
                                WorkflowStore& store);

}  // namespace logicmock
