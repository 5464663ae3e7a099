#include "logic/workflow_resource.hpp"

#include "logicmock/json_text.hpp"
#include "util/iso_time.hpp"
#include "util/location_name.hpp"

namespace logicmock {
namespace {

nlohmann::json parsed_or(const std::string& text, nlohmann::json fallback) {
    if (text.empty()) return fallback;
    auto parsed = parse_json(text);
    if (auto* value = std::get_if<nlohmann::json>(&parsed)) return std::move(*value);
    return fallback;
}

}  // namespace

std::string runtime_base_url(const ServiceOptions& options) {
    std::string base = !options.runtime_base_url.empty() ? options.runtime_base_url
                       : !options.self_base_url.empty()  ? options.self_base_url
                                                         : "http://127.0.0.1";
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

std::string azure_runtime_host(std::string_view location, const ServiceOptions& options,
                               bool with_port) {
    std::string region = normalized_location(location);
    if (region.empty()) region = normalized_location(options.region);
    return "https://prod-00." + region + ".logic.azure.com" + (with_port ? ":443" : "");
}

std::string workflow_resource_id(const WorkflowRecord& wf) {
    return "/subscriptions/" + wf.subscription_id + "/resourceGroups/" + wf.resource_group +
           "/providers/Microsoft.Logic/workflows/" + wf.name;
}

nlohmann::json workflow_definition(const WorkflowRecord& wf) {
    if (!wf.definition.empty()) return parsed_or(wf.definition, nlohmann::json::object());
    nlohmann::json triggers = nlohmann::json::object();
    for (const auto& trigger : wf.triggers) {
        nlohmann::json entry{{"type", trigger.type}};
        if (trigger.type == "Request") {
            entry["kind"] = "Http";
            entry["inputs"] = {{"schema", nlohmann::json::object()}};
        }
        triggers[trigger.name] = entry;
    }
    return {{"$schema",
             "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/"
             "workflowdefinition.json#"},
            {"contentVersion", "1.0.0.0"},
            {"parameters", nlohmann::json::object()},
            {"triggers", triggers},
            {"actions", nlohmann::json::object()},
            {"outputs", nlohmann::json::object()}};
}

nlohmann::json workflow_resource_json(const WorkflowRecord& wf, const ServiceOptions& options,
                                      bool azure_hosts) {
    const std::string runtime_host =
        azure_hosts ? azure_runtime_host(wf.location, options, true) : runtime_base_url(options);
    const Ticks changed = to_ticks(wf.changed_time);
    nlohmann::json properties{
        {"provisioningState", "Succeeded"},
        {"createdTime", format_iso8601(to_ticks(wf.created_time))},
        {"changedTime", format_iso8601(changed)},
        {"state", wf.state},
        {"version", reverse_ticks(changed)},
        {"accessEndpoint", runtime_host + "/workflows/" + wf.workflow_id},
        {"definition", workflow_definition(wf)},
        {"parameters", nlohmann::json::object()},
    };
    return {{"properties", properties}, {"id", workflow_resource_id(wf)},
            {"name", wf.name},          {"type", "Microsoft.Logic/workflows"},
            {"location", wf.location},  {"tags", parsed_or(wf.tags, nlohmann::json::object())}};
}

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 0x0F];
        }
    }
    return out;
}

}  // namespace logicmock
