#include "contract_target.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>

#include "logicmock/client/credential.hpp"
#include "logicmock/mock_server.hpp"

namespace logicmock::contract {
namespace {

std::string env_or(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    return value && *value ? value : fallback;
}

// A token from the service principal in AZURE_*, as real clients get one.
std::string signed_in_token(const ContractTarget& target,
                            client::ClientSecretCredentialOptions options) {
    options.scope = env_or("LOGICMOCK_CONTRACT_SCOPE", "");
    if (options.scope.empty()) options.scope = client::scope_for(target.base_url);
    options.tls.ca_file = target.ca_file;
    client::ClientSecretCredential credential(std::move(options));
    const client::TokenOutcome outcome = credential.get_token();
    if (const auto* token = std::get_if<client::AccessToken>(&outcome)) return token->token;
    FAIL("contract suite: sign-in failed: " << client::describe(outcome));
    return {};
}

ContractTarget make_target() {
    ContractTarget target;
    target.token = env_or("LOGICMOCK_CONTRACT_TOKEN", "contract-test-token");
    target.ca_file = env_or("LOGICMOCK_CONTRACT_CA_FILE", "");
    target.workflow = {
        env_or("LOGICMOCK_CONTRACT_SUBSCRIPTION", "34adfa4f-cedf-4dc0-ba29-b6d1a69ab345"),
        env_or("LOGICMOCK_CONTRACT_RESOURCE_GROUP", "testResourceGroup"),
        env_or("LOGICMOCK_CONTRACT_WORKFLOW", "testWorkflowName")};
    target.base_url = env_or("LOGICMOCK_CONTRACT_BASE_URL", "");
    if (target.base_url.empty()) {
        static std::unique_ptr<MockServer> server = [] {
            auto s = std::make_unique<MockServer>();  // default seed, 127.0.0.1, port 0
            s->start();
            return s;
        }();
        target.server = server.get();
        target.base_url = server->url();
    }
    if (!std::getenv("LOGICMOCK_CONTRACT_TOKEN")) {
        if (auto sign_in = client::credential_options_from_environment()) {
            target.token = signed_in_token(target, std::move(*sign_in));
        }
    }
    return target;
}

}  // namespace

client::WorkflowsClient ContractTarget::make_client() const {
    return make_client(token);
}

client::WorkflowsClient ContractTarget::make_client(std::string bearer) const {
    client::ClientOptions options;
    options.base_url = base_url;
    options.token = client::fixed_token(std::move(bearer));
    options.tls.ca_file = ca_file;
    options.retry.max_retries = 0;
    options.user_agent = "logicmock-contract-tests";
    return client::WorkflowsClient(options);
}

const ContractTarget& contract_target() {
    static const ContractTarget target = make_target();
    return target;
}

bool has_server_control(const char* why) {
    if (contract_target().server) return true;
    WARN("skipped against " << contract_target().base_url << ": " << why);
    return false;
}

WorkflowRecord current_record() {
    const auto& w = contract_target().workflow;
    auto record = contract_target().server->store().find_workflow(
        {w.subscription_id, w.resource_group, w.name});
    REQUIRE(record.has_value());
    return *record;
}

}  // namespace logicmock::contract
