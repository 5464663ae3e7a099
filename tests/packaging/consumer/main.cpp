// Embeds a logicmock server and regenerates the sample workflow's primary key through the
// client, checking that the key really changed. Exit 0 on success.
#include <iostream>

#include <logicmock/client/workflows_client.hpp>
#include <logicmock/mock_server.hpp>

int main() {
    logicmock::MockServer server;  // 127.0.0.1, port 0, default seed
    server.start();

    const logicmock::WorkflowRef ref{"34adfa4f-cedf-4dc0-ba29-b6d1a69ab345", "testResourceGroup",
                                     "testWorkflowName"};
    const auto before = server.store().find_workflow(ref);
    if (!before) {
        std::cerr << "consumer: the default seed has no sample workflow\n";
        return 1;
    }

    logicmock::client::ClientOptions options;
    options.base_url = server.url();
    options.token = logicmock::client::fixed_token("consumer-token");
    logicmock::client::WorkflowsClient client(options);
    auto result = client.regenerate_access_key({ref.subscription_id, ref.resource_group, ref.name},
                                               logicmock::client::KeyType::Primary);
    if (!result) {
        std::cerr << "consumer: regenerate failed: " << to_string(result.kind()) << '\n';
        return 1;
    }

    const auto after = server.store().find_workflow(ref);
    if (!after || after->primary_key == before->primary_key) {
        std::cerr << "consumer: the primary key did not change\n";
        return 1;
    }
    std::cout << "consumer: primary key regenerated through logicmock::client\n";
    return 0;
}
