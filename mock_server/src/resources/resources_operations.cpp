#include "resources/resources_operations.hpp"

#include "resources/resource_bodies.hpp"

namespace logicmock {

bool is_resources_operation(Operation operation) {
    switch (operation) {
        case Operation::ListSubscriptions:
        case Operation::GetSubscription:
        case Operation::ListTenants:
        case Operation::GetProvider:
        case Operation::GetMetadataEndpoints:
            return true;
        default:
            return false;
    }
}

std::variant<Response, ArmError> run_resources_operation(const ResourcesInput& input) {
    const PathParams& params = input.route.params;
    switch (input.route.route->operation) {
        case Operation::ListSubscriptions:
            return json_response(200, subscription_list_json(input.store));
        case Operation::GetSubscription:
            return json_response(
                200, subscription_json(*input.store.find_subscription(params.subscription_id)));
        case Operation::ListTenants:
            return json_response(200, tenant_list_json(input.store));
        case Operation::GetProvider: {
            const ProviderInfo* provider = find_provider(params.provider_namespace);
            if (!provider) {
                return make_error(ErrorId::InvalidResourceNamespace, {params.provider_namespace});
            }
            return json_response(200, provider_json(*provider, params.subscription_id));
        }
        case Operation::GetMetadataEndpoints:
            return json_response(200, metadata_endpoints_json(input.options.self_base_url,
                                                              input.api_version == "2019-05-01"));
        default:
            break;
    }
    return make_error(ErrorId::InternalServerError);
}

}  // namespace logicmock
