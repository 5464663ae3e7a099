#pragma once
// What every identity endpoint reads: the request, settings, directory, key and clock, and the
// short-lived codes the sign-in flows keep.

#include <string>

#include "identity/grant_store.hpp"
#include "identity/page_token.hpp"
#include "identity/signing_key.hpp"
#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/request_target.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

struct IdentityRequest {
    const Request& request;
    const RequestTarget& target;
    const ServiceOptions& options;
    const WorkflowStore& store;
    const SigningKey& key;
    SystemTime now;
    std::string base_url;           // request_base_url(): where discovery documents point
    GrantStore& grants;             // authorization and device codes
    const PageSecret& page_secret;  // the sign-in pages' flowToken key
};

// 200 with a JSON body and Entra's headers.
Response entra_json(const IdentityRequest& in, const std::string& body);

}  // namespace logicmock
