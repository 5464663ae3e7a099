#pragma once
// The route vocabulary the front door and the services share: which operation a request is,
// what it needs found before it runs, what body it takes, and the names its path captured.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "logicmock/schema_validator.hpp"

namespace logicmock {

enum class Operation {
    RegenerateAccessKey,
    ListWorkflowCallbackUrl,
    ListTriggerCallbackUrl,  // also the version-scoped route
    GetWorkflow,
    PutWorkflow,
    DeleteWorkflow,
    ListWorkflows,
    // Logic Apps Standard (Microsoft.Web/sites), served by web/
    GetSite,
    ListSiteWorkflows,
    GetSiteWorkflow,
    RegenerateSiteAccessKey,
    ListSiteTriggers,
    GetSiteTrigger,
    ListSiteTriggerCallbackUrl,
    // ARM's own (Microsoft.Resources) routes, served by resources/
    ListSubscriptions,
    GetSubscription,
    ListTenants,
    GetProvider,
    GetMetadataEndpoints,
};

// What stage 4 must find before the operation runs.
enum class RouteScope {
    Workflow,              // the workflow must exist (404 ResourceNotFound otherwise)
    WorkflowOrAbsent,      // PUT / DELETE: the resource group must exist, the workflow may not
    ResourceGroup,         // a collection under the resource group
    Subscription,          // the subscription must exist (404 SubscriptionNotFound otherwise)
    None,                  // nothing to find (tenant-level and metadata routes)
    Site,                  // a Microsoft.Web site (404 ResourceNotFound Microsoft.Web/sites)
    SiteWorkflow,          // ... and its workflow, on the hostruntime path (the runtime's 404)
    SiteWorkflowResource,  // ... and its workflow as sites/{site}/workflows/{wf} (ARM's 404)
};

// Which api-versions stage 2 accepts: the resource type's (NoRegisteredProviderFound), or one of
// ARM's own endpoints' (InvalidApiVersionParameter).
enum class ApiVersionSet {
    LogicWorkflows,
    WebSites,  // Microsoft.Web/sites, also on its hostruntime paths
    Subscriptions,
    Providers,
    MetadataEndpoints
};

// None ignores a body; Forbidden refuses one (400), as for Standard's listCallbackUrl.
enum class BodyRule { None, Optional, Required, Forbidden };

struct RouteSpec {
    Operation operation;
    std::string_view operation_id;  // the swagger operationId
    std::string_view method;
    std::vector<std::string_view> pattern;  // "{name}" segments capture
    BodyRule body;
    std::optional<Shape> body_shape;
    RouteScope scope = RouteScope::Workflow;
    ApiVersionSet api_versions = ApiVersionSet::LogicWorkflows;
    bool anonymous = false;  // true: stage 3 does not ask for a token (GET /metadata/endpoints)
};

struct PathParams {
    std::string subscription_id;
    std::string resource_group;
    std::string workflow;
    std::string trigger;             // triggers/{triggerName}
    std::string version;             // versions/{versionId}
    std::string provider_namespace;  // subscriptions/{id}/providers/{namespace}
    std::string site;                // Microsoft.Web/sites/{siteName}
};

// The provider namespace a route's pattern names ("Microsoft.Logic", "Microsoft.Web"), or "".
std::string_view route_provider(const RouteSpec& route);

struct RouteMatch {
    const RouteSpec* route;
    PathParams params;
};

struct MethodMismatch {
    std::string allow;  // value of the Allow header, e.g. "POST"
};

struct NoRoute {
    std::string resource_type;       // what the path asked for, for the 404 message
    std::string provider_namespace;  // "Microsoft.Web" under .../providers/Microsoft.Web/...
};

using RouteResult = std::variant<RouteMatch, MethodMismatch, NoRoute>;

}  // namespace logicmock
