// Request targets: percent-encoding of path segments and the operation paths.
#include <catch2/catch.hpp>

#include "fake_transport.hpp"

using namespace logicmock::client;
using namespace logicmock::client::testing;

TEST_CASE("unreserved characters are kept, everything else is percent-encoded", "[path]") {
    CHECK(encode_path_segment("Az09-._~") == "Az09-._~");
    CHECK(encode_path_segment("my workflow") == "my%20workflow");
    CHECK(encode_path_segment("a(b)") == "a%28b%29");
    CHECK(encode_path_segment("a/b") == "a%2Fb");
    CHECK(encode_path_segment("a+b%c?d#e") == "a%2Bb%25c%3Fd%23e");
    CHECK(encode_path_segment("caf\xC3\xA9") == "caf%C3%A9");
    CHECK(encode_path_segment("") == "");
}

TEST_CASE("dot segments cannot climb out of the path", "[path]") {
    CHECK(encode_path_segment(".") == "%2E");
    CHECK(encode_path_segment("..") == "%2E%2E");
    CHECK(encode_path_segment("...") == "...");
    CHECK(encode_path_segment("a..b") == "a..b");
}

TEST_CASE("operation targets encode each segment and carry api-version", "[path]") {
    const Workflow workflow{"34adfa4f-cedf-4dc0-ba29-b6d1a69ab345", "rg (test)", "wf/1"};
    CHECK(workflow_path(workflow) ==
          "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/rg%20%28test%29"
          "/providers/Microsoft.Logic/workflows/wf%2F1");
    CHECK(action_target(workflow, "regenerateAccessKey") ==
          workflow_path(workflow) + "/regenerateAccessKey?api-version=2019-05-01");
}

TEST_CASE("the trigger name is encoded as a segment of its own", "[path]") {
    FakeSetup setup({response(200, "{}")});
    (void)setup.client.list_trigger_callback_url(kWorkflow, "my trigger/1");
    REQUIRE(setup.transport->requests.size() == 1);
    CHECK(setup.transport->requests[0].target ==
          workflow_path(kWorkflow) +
              "/triggers/my%20trigger%2F1/listCallbackUrl?api-version=2019-05-01");
}

TEST_CASE("key types round-trip through their spec names", "[path]") {
    for (KeyType k : {KeyType::NotSpecified, KeyType::Primary, KeyType::Secondary}) {
        CHECK(parse_key_type(to_string(k)) == k);
    }
    CHECK_FALSE(parse_key_type("primary").has_value());
    CHECK_FALSE(parse_key_type("Tertiary").has_value());
}
