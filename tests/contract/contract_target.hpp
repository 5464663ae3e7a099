#pragma once
// Where the contract suite sends its requests: a logicmock::MockServer started in-process on
// 127.0.0.1 (default), or an external endpoint named by the environment:
//   LOGICMOCK_CONTRACT_BASE_URL        e.g. http://127.0.0.1:8080 or https://management.azure.com
//   LOGICMOCK_CONTRACT_TOKEN           bearer token (default "contract-test-token"); when unset
//                                      and AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET
//                                      (+ AZURE_AUTHORITY_HOST) are set, the suite signs in with
//                                      them once (scope LOGICMOCK_CONTRACT_SCOPE, default
//                                      {base url}/.default)
//   LOGICMOCK_CONTRACT_SUBSCRIPTION, LOGICMOCK_CONTRACT_RESOURCE_GROUP,
//   LOGICMOCK_CONTRACT_WORKFLOW        an existing workflow (default: the sample seed)
//   LOGICMOCK_CONTRACT_CA_FILE         optional CA bundle for https

#include <string>

#include "logicmock/client/workflows_client.hpp"
#include "logicmock/workflow_store.hpp"

namespace logicmock {
class MockServer;
}

namespace logicmock::contract {

struct ContractTarget {
    std::string base_url;
    std::string token;
    std::string ca_file;
    client::Workflow workflow;     // exists on the target
    MockServer* server = nullptr;  // null for an external endpoint

    // A client for this target without retries, so every row shows the first answer.
    client::WorkflowsClient make_client() const;
    client::WorkflowsClient make_client(std::string token) const;
};

const ContractTarget& contract_target();

// For cases that read or change server state: true when the server is in this process;
// otherwise logs why the case is skipped, and the case should return.
bool has_server_control(const char* why);

// The target workflow as the in-process server's store holds it (needs server control).
WorkflowRecord current_record();

}  // namespace logicmock::contract
