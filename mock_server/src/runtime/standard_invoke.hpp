#pragma once
// The Logic Apps Standard runtime: POST /api/{workflow}/triggers/{trigger}/invoke?api-version&sp
// &sv&sig, the callback URLs of a site's workflows (docs/logic-apps-standard.md). The site is the
// one whose default host name the Host header names, else any site with a workflow of that name
// whose key signed the URL. No bearer token; the SAS is the credential.

#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/request_context.hpp"

namespace logicmock {

// True when the request target's path starts with /api/.
bool is_standard_runtime_request(const Request& request);

// Answers the invocation; names the workflow in context.trace once a site's workflow is known.
Response handle_standard_runtime_request(RequestContext& context, const ServiceOptions& options,
                                         WorkflowStore& store);

}  // namespace logicmock
