#pragma once
// The Logic runtime host: POST /workflows/{workflowId}/triggers/{trigger}/paths/invoke?sp&sv&sig
// [&se] (also under /versions/{versionId}). Not ARM: no bearer token, no api-version check;
// the SAS in the query is the credential (docs/CALLBACKS.md).

#include "arm_time.hpp"
#include "logicmock/http_types.hpp"
#include "logicmock/service.hpp"

namespace logicmock {

// True when the request target's path starts with /workflows/.
bool is_runtime_request(const Request& request);

Response handle_runtime_request(const Request& request, const ServiceOptions& options,
                                WorkflowStore& store, SystemTime now);

}  // namespace logicmock
