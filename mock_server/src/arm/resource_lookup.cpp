#include "arm/resource_lookup.hpp"

#include "util/text.hpp"

namespace logicmock {
namespace {

bool is_site_scope(RouteScope scope) {
    return scope == RouteScope::Site || scope == RouteScope::SiteWorkflow ||
           scope == RouteScope::SiteWorkflowResource;
}

// Subscription and resource group were found; then the site (ARM's 404 for Microsoft.Web/sites)
// and its workflow: the hostruntime's 404 on its path, GetWorkflow's on sites/{s}/workflows/{w}.
std::variant<RouteTarget, ArmError> resolve_site(const WorkflowStore& store,
                                                 const RouteMatch& match) {
    const PathParams& params = match.params;
    auto site = store.find_site(params.subscription_id, params.resource_group, params.site);
    if (!site) return make_error(ErrorId::SiteNotFound, {params.site, params.resource_group});
    if (match.route->scope == RouteScope::Site) return RouteTarget{{}, false, std::move(site)};
    const SiteWorkflowRecord* wf = site->find_workflow(params.workflow);
    if (!wf) {
        return make_error(match.route->scope == RouteScope::SiteWorkflow
                              ? ErrorId::StandardWorkflowNotFound
                              : ErrorId::SiteWorkflowNotFound,
                          {params.workflow});
    }
    WorkflowRecord workflow = wf->workflow;
    return RouteTarget{std::move(workflow), true, std::move(site)};
}

}  // namespace

std::variant<WorkflowRecord, ArmError> resolve_workflow(const WorkflowStore& store,
                                                        const PathParams& params) {
    if (!store.has_subscription(params.subscription_id)) {
        // Seeds may use any subscription name; only an unknown one is checked for GUID shape.
        if (!is_guid(params.subscription_id)) {
            return make_error(ErrorId::InvalidSubscriptionId, {params.subscription_id});
        }
        return make_error(ErrorId::SubscriptionNotFound, {params.subscription_id});
    }
    if (!store.find_resource_group(params.subscription_id, params.resource_group)) {
        return make_error(ErrorId::ResourceGroupNotFound, {params.resource_group});
    }
    auto workflow = store.find_workflow(
        WorkflowRef{params.subscription_id, params.resource_group, params.workflow});
    if (!workflow) {
        return make_error(ErrorId::ResourceNotFound, {params.workflow, params.resource_group});
    }
    return std::move(*workflow);
}

std::variant<RouteTarget, ArmError> resolve_route_target(const WorkflowStore& store,
                                                         const RouteMatch& match) {
    const PathParams& params = match.params;
    if (match.route->scope == RouteScope::None) return RouteTarget{{}, false};
    if (match.route->scope == RouteScope::Workflow) {
        auto workflow = resolve_workflow(store, params);
        if (auto* e = std::get_if<ArmError>(&workflow)) return *e;
        return RouteTarget{std::get<WorkflowRecord>(std::move(workflow)), true};
    }
    if (!store.has_subscription(params.subscription_id)) {
        if (!is_guid(params.subscription_id)) {
            return make_error(ErrorId::InvalidSubscriptionId, {params.subscription_id});
        }
        return make_error(ErrorId::SubscriptionNotFound, {params.subscription_id});
    }
    if (match.route->scope == RouteScope::Subscription) return RouteTarget{{}, false};
    auto group = store.find_resource_group(params.subscription_id, params.resource_group);
    if (!group) return make_error(ErrorId::ResourceGroupNotFound, {params.resource_group});
    if (is_site_scope(match.route->scope)) return resolve_site(store, match);
    if (match.route->scope == RouteScope::WorkflowOrAbsent) {
        if (auto wf = store.find_workflow(
                {params.subscription_id, params.resource_group, params.workflow})) {
            return RouteTarget{std::move(*wf), true};
        }
    }
    WorkflowRecord placeholder;
    placeholder.subscription_id = group->subscription_id;
    placeholder.resource_group = group->name;
    placeholder.name = params.workflow;
    return RouteTarget{std::move(placeholder), false};
}

std::string location_hint(const WorkflowStore& store, const PathParams& params,
                          const std::string& fallback) {
    if (!params.site.empty()) {
        if (auto site =
                store.find_site(params.subscription_id, params.resource_group, params.site)) {
            return site->location;
        }
    } else if (auto wf = store.find_workflow(
                   WorkflowRef{params.subscription_id, params.resource_group, params.workflow})) {
        return wf->location;
    }
    if (auto rg = store.find_resource_group(params.subscription_id, params.resource_group)) {
        return rg->location;
    }
    return fallback;
}

}  // namespace logicmock
