#include "arm/resource_lookup.hpp"

#include <regex>

namespace logicmock {
namespace {

bool looks_like_guid(const std::string& text) {
    static const std::regex guid(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    return std::regex_match(text, guid);
}

}  // namespace

std::variant<WorkflowRecord, ArmError> resolve_workflow(const WorkflowStore& store,
                                                        const PathParams& params) {
    if (!store.has_subscription(params.subscription_id)) {
        // Seeds may use any subscription name; only an unknown one is checked for GUID shape.
        if (!looks_like_guid(params.subscription_id)) {
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
        if (!looks_like_guid(params.subscription_id)) {
            return make_error(ErrorId::InvalidSubscriptionId, {params.subscription_id});
        }
        return make_error(ErrorId::SubscriptionNotFound, {params.subscription_id});
    }
    if (match.route->scope == RouteScope::Subscription) return RouteTarget{{}, false};
    auto group = store.find_resource_group(params.subscription_id, params.resource_group);
    if (!group) return make_error(ErrorId::ResourceGroupNotFound, {params.resource_group});
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
    if (auto wf = store.find_workflow(
            WorkflowRef{params.subscription_id, params.resource_group, params.workflow})) {
        return wf->location;
    }
    if (auto rg = store.find_resource_group(params.subscription_id, params.resource_group)) {
        return rg->location;
    }
    return fallback;
}

}  // namespace logicmock
