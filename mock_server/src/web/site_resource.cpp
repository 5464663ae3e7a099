#include "web/site_resource.hpp"

#include "logic/workflow_resource.hpp"
#include "util/iso_time.hpp"

#include "logicmock/http_headers.hpp"

namespace logicmock {

std::string site_resource_id(const SiteRecord& site) {
    return "/subscriptions/" + site.subscription_id + "/resourceGroups/" + site.resource_group +
           "/providers/Microsoft.Web/sites/" + site.name;
}

// Assumption: the minimal body docs/logic-apps-standard.md shows; the plan is named after the site.
nlohmann::json site_json(const SiteRecord& site) {
    const std::string scm = site.default_host_name.substr(0, site.default_host_name.find('.')) +
                            ".scm" +
                            site.default_host_name.substr(site.default_host_name.find('.'));
    nlohmann::json properties{
        {"name", site.name},
        {"state", "Running"},
        {"enabled", true},
        {"defaultHostName", site.default_host_name},
        {"hostNames", {site.default_host_name}},
        {"enabledHostNames", {site.default_host_name, scm}},
        {"hostNameSslStates",
         {{{"name", site.default_host_name}, {"sslState", "Disabled"}, {"hostType", "Standard"}},
          {{"name", scm}, {"sslState", "Disabled"}, {"hostType", "Repository"}}}},
        {"httpsOnly", true},
        {"serverFarmId", "/subscriptions/" + site.subscription_id + "/resourceGroups/" +
                             site.resource_group + "/providers/Microsoft.Web/serverfarms/" +
                             site.name + "-plan"},
        {"resourceGroup", site.resource_group},
    };
    return {{"id", site_resource_id(site)},  {"name", site.name},
            {"type", "Microsoft.Web/sites"}, {"kind", site.kind},
            {"location", site.location},     {"properties", properties}};
}

nlohmann::json workflow_envelope_json(const SiteRecord& site, const SiteWorkflowRecord& workflow,
                                      bool with_files) {
    const WorkflowRecord& wf = workflow.workflow;
    nlohmann::json properties{{"flowState", wf.state}, {"health", {{"state", "Healthy"}}}};
    if (with_files) {
        nlohmann::json definition = workflow_definition(wf);
        properties["files"] = {
            {"workflow.json", {{"definition", definition}, {"kind", workflow.kind}}}};
    }
    return {{"id", site_resource_id(site) + "/workflows/" + wf.name},
            {"name", site.name + "/" + wf.name},
            {"type", "Microsoft.Web/sites/workflows"},
            {"kind", workflow.kind},
            {"location", site.location},
            {"properties", properties}};
}

nlohmann::json site_trigger_json(const WorkflowRecord& wf, const TriggerRecord& trigger) {
    const Ticks changed = to_ticks(wf.changed_time);
    const std::string version = reverse_ticks(changed);
    nlohmann::json properties{
        {"provisioningState", "Succeeded"},
        {"createdTime", format_iso8601(to_ticks(wf.created_time))},
        {"changedTime", format_iso8601(changed)},
        {"state", wf.state},
        {"workflow",
         {{"id", "/workflows/" + wf.name + "/versions/" + version},
          {"name", version},
          {"type", "/workflows/versions"}}},
    };
    return {{"id", "/workflows/" + wf.name + "/triggers/" + trigger.name},
            {"name", trigger.name},
            {"type", "/workflows/triggers"},
            {"properties", properties}};
}

}  // namespace logicmock
