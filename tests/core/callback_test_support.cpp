#include "callback_test_support.hpp"

#include <stdexcept>

namespace logicmock::test {

Seed callback_seed() {
    const std::string text = R"({"subscriptions":[{"subscriptionId":")" + kSubscription +
                             R"(","resourceGroups":[{"name":")" + kResourceGroup +
                             R"(","location":"westus","workflows":[
        {"name":")" + kWorkflow +
                             R"(","workflowId":")" + kWorkflowId +
                             R"(","accessKeys":{"primary":")" + kPrimaryKeyBase64 +
                             R"(","secondary":")" + kSecondaryKeyBase64 + R"("},
         "triggers":[{"name":"manual","type":"Request"},{"name":"nightly","type":"Recurrence"},
                     {"name":"poll","type":"Http"}]},
        {"name":"noRequest","triggers":[{"name":"nightly","type":"Recurrence"}]}]},
        {"name":"emptyGroup","location":"eastus"}]}]})";
    return parse_seed(text, "callback_seed");
}

ServiceOptions CallbackFixture::runtime_options() {
    ServiceOptions options;
    options.runtime_base_url = "https://prod-00.westus.logic.test";
    return options;
}

CallbackFixture::CallbackFixture(ServiceOptions options)
    : store(make_memory_store(callback_seed())), service(std::move(options), store) {}

WorkflowRecord CallbackFixture::workflow(const std::string& name) const {
    auto wf = store->find_workflow({kSubscription, kResourceGroup, name});
    if (!wf) throw std::runtime_error("workflow missing from the store: " + name);
    return *wf;
}

std::uint64_t CallbackFixture::invocations(const std::string& trigger) const {
    for (const auto& t : workflow().triggers) {
        if (t.name == trigger) return t.invocations;
    }
    throw std::runtime_error("trigger missing: " + trigger);
}

Request arm_request(const std::string& method, const std::string& target, const std::string& body) {
    Request r;
    r.method = method;
    r.target = target;
    r.headers.add("Authorization", "Bearer test-token");
    if (!body.empty()) r.headers.add("Content-Type", "application/json");
    r.body = body;
    return r;
}

std::string workflow_target(const std::string& name, const std::string& rg) {
    return workflow_path(kSubscription, rg, name) + "?api-version=2019-05-01";
}

Request trigger_callback_request(const std::string& trigger, const std::string& body,
                                 const std::string& workflow) {
    return arm_request("POST",
                       workflow_path(kSubscription, kResourceGroup, workflow) + "/triggers/" +
                           trigger + "/listCallbackUrl?api-version=2019-05-01",
                       body);
}

Request workflow_callback_request(const std::string& body, const std::string& workflow) {
    return arm_request("POST",
                       workflow_path(kSubscription, kResourceGroup, workflow) +
                           "/listCallbackUrl?api-version=2019-05-01",
                       body);
}

std::string callback_value(const Response& response) {
    if (response.status != 200) {
        throw std::runtime_error("listCallbackUrl failed: " + std::to_string(response.status) +
                                 " " + response.body);
    }
    return body_json(response)["value"].get<std::string>();
}

Request invoke_request(const std::string& url, const std::string& method) {
    auto scheme = url.find("://");
    auto path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    Request r;
    r.method = method;
    r.target = path == std::string::npos ? "/" : url.substr(path);
    r.headers.add("Content-Type", "application/json");
    r.body = R"({"hello":"world"})";
    return r;
}

std::string with_query(const std::string& url, const std::string& name,
                       const std::optional<std::string>& value) {
    auto q = url.find('?');
    std::string out = url.substr(0, q + 1);
    std::string query = url.substr(q + 1);
    bool first = true, found = false;
    std::size_t start = 0;
    while (start <= query.size()) {
        auto end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        std::string pair = query.substr(start, end - start);
        std::string key = pair.substr(0, pair.find('='));
        if (key == name) {
            found = true;
            pair = value ? key + "=" + *value : "";
        }
        if (!pair.empty()) {
            out += (first ? "" : "&") + pair;
            first = false;
        }
        start = end + 1;
    }
    if (!found && value) out += (first ? "" : "&") + name + "=" + *value;
    return out;
}

}  // namespace logicmock::test
