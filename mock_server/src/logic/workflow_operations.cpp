// Workflow resources: GET, PUT (create 201 / update 200), DELETE (200, then 204 when absent)
// and the list by resource group. The access keys are created with the workflow and never shown.

#include <algorithm>
#include <regex>
#include <set>

#include "logic/operations.hpp"
#include "logic/workflow_resource.hpp"
#include "logicmock/json_text.hpp"
#include "protocol/response_headers.hpp"
#include "util/location_name.hpp"
#include "util/random_bytes.hpp"

#include "logicmock/http_headers.hpp"

namespace logicmock {
namespace {

// The Logic apps naming rule of the ARM template reference: 1-80 of [-\w.()].
bool valid_workflow_name(const std::string& name) {
    static const std::regex rule("^[-A-Za-z0-9_.()]{1,80}$");
    return std::regex_match(name, rule);
}

std::string random_workflow_id() {
    static constexpr char kHex[] = "0123456789abcdef";
    const AccessKey bytes = random_access_key();
    std::string id;
    for (std::size_t i = 0; i < 16; ++i) {
        id += kHex[bytes[i] >> 4];
        id += kHex[bytes[i] & 0x0F];
    }
    return id;
}

}  // namespace

OperationResult get_workflow(const OperationInput& input) {
    return json_response(200,
                         workflow_resource_json(input.workflow, input.options, input.azure_hosts));
}

OperationResult put_workflow(const OperationInput& input) {
    const WorkflowRecord& current = input.workflow;
    if (!input.workflow_exists && !valid_workflow_name(current.name)) {
        return make_error(ErrorId::InvalidWorkflowName, {current.name});
    }
    const nlohmann::json& body = *input.body;  // required and schema-checked: an object
    const std::string location = body["location"].get<std::string>();
    if (input.workflow_exists &&
        normalized_location(location) != normalized_location(current.location)) {
        return make_error(ErrorId::WorkflowLocationConflict,
                          {current.name, current.location, current.resource_group, location});
    }
    const nlohmann::json properties = body.value("properties", nlohmann::json::object());
    const nlohmann::json definition = properties.value("definition", nlohmann::json::object());

    WorkflowRecord desired;
    desired.subscription_id = current.subscription_id;
    desired.resource_group = current.resource_group;
    desired.name = current.name;
    desired.location = location;
    desired.state = properties.value("state", "Enabled");
    desired.definition = to_json_text(definition);
    desired.tags = to_json_text(body.value("tags", nlohmann::json::object()));
    desired.triggers = triggers_from_definition(definition);
    std::set<std::string> seen;
    for (const auto& trigger : desired.triggers) {
        if (!seen.insert(ascii_lower(trigger.name)).second) {
            const auto first = std::find_if(
                desired.triggers.begin(), desired.triggers.end(), [&](const TriggerRecord& t) {
                    return ascii_lower(t.name) == ascii_lower(trigger.name);
                });
            return make_error(ErrorId::DuplicateTriggerName, {first->name, trigger.name});
        }
    }
    desired.changed_time = std::chrono::system_clock::now();
    desired.created_time = desired.changed_time;
    desired.workflow_id = random_workflow_id();
    desired.primary_key = random_access_key();
    desired.secondary_key = random_access_key();

    const PutWorkflowResult result = input.store.put_workflow(desired);
    return json_response(result.created ? 201 : 200,
                         workflow_resource_json(result.stored, input.options, input.azure_hosts));
}

OperationResult delete_workflow(const OperationInput& input) {
    const WorkflowRecord& wf = input.workflow;
    const bool deleted =
        input.workflow_exists &&
        input.store.delete_workflow({wf.subscription_id, wf.resource_group, wf.name});
    return Response{deleted ? 200 : 204, {}, {}};
}

OperationResult list_workflows(const OperationInput& input) {
    nlohmann::json value = nlohmann::json::array();
    for (const auto& wf : input.store.all_workflows()) {
        if (iequals(wf.subscription_id, input.workflow.subscription_id) &&
            iequals(wf.resource_group, input.workflow.resource_group)) {
            value.push_back(workflow_resource_json(wf, input.options, input.azure_hosts));
        }
    }
    return json_response(200, nlohmann::json{{"value", value}});
}

}  // namespace logicmock
