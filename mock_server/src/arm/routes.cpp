#include "arm/routes.hpp"

#include "logicmock/http_types.hpp"
#include "resources/provider_catalogue.hpp"

namespace logicmock {
namespace {

constexpr std::string_view kWorkflowPrefix[] = {
    "subscriptions", "{subscriptionId}", "resourceGroups", "{resourceGroupName}",
    "providers",     "Microsoft.Logic",  "workflows",      "{workflowName}"};

constexpr std::string_view kSitePrefix[] = {
    "subscriptions", "{subscriptionId}", "resourceGroups", "{resourceGroupName}",
    "providers",     "Microsoft.Web",    "sites",          "{siteName}"};

// Logic Apps Standard: the site, its workflows, and the hostruntime management API
// (docs/logic-apps-standard.md).
std::vector<std::string_view> site_path(std::initializer_list<std::string_view> tail) {
    std::vector<std::string_view> pattern(std::begin(kSitePrefix), std::end(kSitePrefix));
    pattern.insert(pattern.end(), tail);
    return pattern;
}

std::vector<std::string_view> hostruntime_path(std::initializer_list<std::string_view> tail) {
    auto pattern = site_path({"hostruntime", "runtime", "webhooks", "workflow", "api", "management",
                              "workflows", "{workflowName}"});
    pattern.insert(pattern.end(), tail);
    return pattern;
}

std::vector<std::string_view> workflow_path(std::initializer_list<std::string_view> tail) {
    std::vector<std::string_view> pattern(std::begin(kWorkflowPrefix), std::end(kWorkflowPrefix));
    pattern.insert(pattern.end(), tail);
    return pattern;
}

bool is_capture(std::string_view p) {
    return p.size() > 2 && p.front() == '{' && p.back() == '}';
}

bool matches(const RouteSpec& route, const std::vector<std::string>& segments, PathParams* out) {
    if (route.pattern.size() != segments.size()) return false;
    PathParams params;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        std::string_view p = route.pattern[i];
        if (!is_capture(p)) {
            if (!iequals(p, segments[i])) return false;
        } else if (p == "{subscriptionId}") {
            params.subscription_id = segments[i];
        } else if (p == "{resourceGroupName}") {
            params.resource_group = segments[i];
        } else if (p == "{workflowName}") {
            params.workflow = segments[i];
        } else if (p == "{triggerName}") {
            params.trigger = segments[i];
        } else if (p == "{versionId}") {
            params.version = segments[i];
        } else if (p == "{resourceProviderNamespace}") {
            params.provider_namespace = segments[i];
        } else if (p == "{siteName}") {
            params.site = segments[i];
        }
    }
    if (out) *out = std::move(params);
    return true;
}

NoRoute requested_type(const std::vector<std::string>& segments) {
    // ".../providers/{namespace}/{type}/{name}/{action}" -> "type/action"; else the whole path.
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
        if (iequals(segments[i], "providers")) {
            std::string type;
            for (std::size_t j = i + 2; j < segments.size(); j += 2) {
                type += (type.empty() ? "" : "/") + segments[j];
            }
            // A namespace the catalogue serves is named as written there; any other is
            // answered as Microsoft.Logic's, as before Standard.
            const ProviderInfo* provider = find_provider(segments[i + 1]);
            return {type, std::string(provider ? provider->provider_namespace : "Microsoft.Logic")};
        }
    }
    std::string path;
    for (const auto& s : segments) path += "/" + s;
    return {path.empty() ? "/" : path, "Microsoft.Logic"};
}

}  // namespace

const std::vector<RouteSpec>& route_table() {
    static const std::vector<RouteSpec> routes{
        {Operation::RegenerateAccessKey, "Workflows_RegenerateAccessKey", "POST",
         workflow_path({"regenerateAccessKey"}), BodyRule::Required,
         Shape::RegenerateActionParameter},
        {Operation::ListWorkflowCallbackUrl, "Workflows_ListCallbackUrl", "POST",
         workflow_path({"listCallbackUrl"}), BodyRule::Required, Shape::GetCallbackUrlParameters},
        {Operation::ListTriggerCallbackUrl, "WorkflowTriggers_ListCallbackUrl", "POST",
         workflow_path({"triggers", "{triggerName}", "listCallbackUrl"}), BodyRule::Optional,
         Shape::GetCallbackUrlParameters},
        {Operation::ListTriggerCallbackUrl, "WorkflowVersionTriggers_ListCallbackUrl", "POST",
         workflow_path({"versions", "{versionId}", "triggers", "{triggerName}", "listCallbackUrl"}),
         BodyRule::Optional, Shape::GetCallbackUrlParameters},
        {Operation::GetWorkflow, "Workflows_Get", "GET", workflow_path({}), BodyRule::None,
         std::nullopt},
        {Operation::PutWorkflow, "Workflows_CreateOrUpdate", "PUT", workflow_path({}),
         BodyRule::Required, Shape::Workflow, RouteScope::WorkflowOrAbsent},
        {Operation::DeleteWorkflow, "Workflows_Delete", "DELETE", workflow_path({}), BodyRule::None,
         std::nullopt, RouteScope::WorkflowOrAbsent},
        {Operation::ListWorkflows,
         "Workflows_ListByResourceGroup",
         "GET",
         {"subscriptions", "{subscriptionId}", "resourceGroups", "{resourceGroupName}", "providers",
          "Microsoft.Logic", "workflows"},
         BodyRule::None,
         std::nullopt,
         RouteScope::ResourceGroup},
        // Logic Apps Standard (web/). The hostruntime operations keep their swagger operationIds,
        // which Consumption shares; fault rules tell them apart by "provider".
        {Operation::GetSite, "WebApps_Get", "GET", site_path({}), BodyRule::None, std::nullopt,
         RouteScope::Site, ApiVersionSet::WebSites},
        {Operation::ListSiteWorkflows, "WebApps_ListWorkflows", "GET", site_path({"workflows"}),
         BodyRule::None, std::nullopt, RouteScope::Site, ApiVersionSet::WebSites},
        {Operation::GetSiteWorkflow, "WebApps_GetWorkflow", "GET",
         site_path({"workflows", "{workflowName}"}), BodyRule::None, std::nullopt,
         RouteScope::SiteWorkflowResource, ApiVersionSet::WebSites},
        {Operation::RegenerateSiteAccessKey, "Workflows_RegenerateAccessKey", "POST",
         hostruntime_path({"regenerateAccessKey"}), BodyRule::Required,
         Shape::RegenerateActionParameter, RouteScope::SiteWorkflow, ApiVersionSet::WebSites},
        {Operation::ListSiteTriggers, "WorkflowTriggers_List", "GET",
         hostruntime_path({"triggers"}), BodyRule::None, std::nullopt, RouteScope::SiteWorkflow,
         ApiVersionSet::WebSites},
        {Operation::GetSiteTrigger, "WorkflowTriggers_Get", "GET",
         hostruntime_path({"triggers", "{triggerName}"}), BodyRule::None, std::nullopt,
         RouteScope::SiteWorkflow, ApiVersionSet::WebSites},
        {Operation::ListSiteTriggerCallbackUrl, "WorkflowTriggers_ListCallbackUrl", "POST",
         hostruntime_path({"triggers", "{triggerName}", "listCallbackUrl"}), BodyRule::Forbidden,
         std::nullopt, RouteScope::SiteWorkflow, ApiVersionSet::WebSites},
        // ARM's own routes, which clients call around sign-in (resources/).
        {Operation::ListSubscriptions,
         "Subscriptions_List",
         "GET",
         {"subscriptions"},
         BodyRule::None,
         std::nullopt,
         RouteScope::None,
         ApiVersionSet::Subscriptions},
        {Operation::GetSubscription,
         "Subscriptions_Get",
         "GET",
         {"subscriptions", "{subscriptionId}"},
         BodyRule::None,
         std::nullopt,
         RouteScope::Subscription,
         ApiVersionSet::Subscriptions},
        {Operation::ListTenants,
         "Tenants_List",
         "GET",
         {"tenants"},
         BodyRule::None,
         std::nullopt,
         RouteScope::None,
         ApiVersionSet::Subscriptions},
        {Operation::GetProvider,
         "Providers_Get",
         "GET",
         {"subscriptions", "{subscriptionId}", "providers", "{resourceProviderNamespace}"},
         BodyRule::None,
         std::nullopt,
         RouteScope::Subscription,
         ApiVersionSet::Providers},
        {Operation::GetMetadataEndpoints,
         "MetadataEndpoints_Get",
         "GET",
         {"metadata", "endpoints"},
         BodyRule::None,
         std::nullopt,
         RouteScope::None,
         ApiVersionSet::MetadataEndpoints,
         true},
    };
    return routes;
}

RouteResult match_route(std::string_view method, const std::vector<std::string>& segments) {
    std::string allow;
    for (const auto& route : route_table()) {
        PathParams params;
        if (!matches(route, segments, &params)) continue;
        if (iequals(route.method, method)) return RouteMatch{&route, std::move(params)};
        if (allow.find(route.method) == std::string::npos) {
            allow += (allow.empty() ? "" : ", ") + std::string(route.method);
        }
    }
    if (!allow.empty()) return MethodMismatch{allow};
    return requested_type(segments);
}

}  // namespace logicmock
