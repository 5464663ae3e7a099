#pragma once
// Builders for callback URL, runtime and workflow resource tests: a seed with several trigger
// kinds and fixed keys, ARM requests for the new routes, and runtime requests from URLs.

#include <nlohmann/json.hpp>
#include <string>

#include "logicmock/seed.hpp"
#include "logicmock/service.hpp"
#include "pipeline_test_support.hpp"

namespace logicmock::test {

// testResourceGroup holds kWorkflow ("manual": Request, "nightly": Recurrence, "poll": Http)
// with the fixed keys below, and "noRequest" (only "nightly"); emptyGroup holds nothing.
Seed callback_seed();
inline const std::string kPrimaryKeyBase64 = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
inline const std::string kSecondaryKeyBase64 = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
inline const std::string kWorkflowId = "0123456789abcdef0123456789abcdef";

struct CallbackFixture {
    explicit CallbackFixture(ServiceOptions options = runtime_options());
    static ServiceOptions
    runtime_options();  // runtime_base_url "https://prod-00.westus.logic.test"
    std::shared_ptr<WorkflowStore> store;
    Service service;

    WorkflowRecord workflow(const std::string& name = kWorkflow) const;
    std::uint64_t invocations(const std::string& trigger = "manual") const;
};

// An ARM request with a bearer token; Content-Type application/json when body is not empty.
Request arm_request(const std::string& method, const std::string& target,
                    const std::string& body = "");

// POST …/triggers/{trigger}/listCallbackUrl (no body, as the Python SDK sends it) or with body.
Request trigger_callback_request(const std::string& trigger = "manual",
                                 const std::string& body = "",
                                 const std::string& workflow = kWorkflow);
Request workflow_callback_request(const std::string& body = "{}",
                                  const std::string& workflow = kWorkflow);

// The callback URL's value from a 200 listCallbackUrl response.
std::string callback_value(const Response& response);

// A runtime POST to a callback URL (its scheme and host are dropped).
Request invoke_request(const std::string& url, const std::string& method = "POST");

// The URL with one query parameter's value replaced (or removed when value is nullopt).
std::string with_query(const std::string& url, const std::string& name,
                       const std::optional<std::string>& value);

std::string workflow_target(const std::string& name = kWorkflow,
                            const std::string& rg = kResourceGroup);

}  // namespace logicmock::test
