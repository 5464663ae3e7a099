#pragma once
// The SAS signature of callback URLs (logicmock's own recipe; Azure's is not published):
//
//   string_to_sign = lower(workflowId) "\n" lower(scope) "\n" sp "\n" sv "\n" se
//   sig            = base64url_nopad(HMAC-SHA256(key, string_to_sign))   -- 43 characters
//
// scope is the path between the workflow id and "/paths/invoke": "/triggers/{trigger}" or
// "/versions/{version}/triggers/{trigger}", so a sig is bound to one trigger of one workflow;
// se is "" when the URL does not expire. api-version is not signed (as observed in Azure).

#include <optional>
#include <string>
#include <string_view>

#include "logicmock/workflow_store.hpp"

namespace logicmock {

struct SignedFields {
    std::string workflow_id;
    std::string scope;  // "/triggers/manual"
    std::string sp;     // "/triggers/manual/run"
    std::string sv;     // "1.0"
    std::string se;     // "" or "2018-04-19T16:00:00.0000000Z"
};

std::string string_to_sign(const SignedFields& fields);
std::string callback_signature(const AccessKey& key, const SignedFields& fields);

// Which of the workflow's current keys signed sig, if either (constant-time comparison).
std::optional<KeySlot> signing_key(const WorkflowRecord& workflow, const SignedFields& fields,
                                   std::string_view sig);

}  // namespace logicmock
