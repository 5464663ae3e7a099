# resources/: ARM's own routes (Microsoft.Resources): subscriptions, tenants, resource providers
# and the cloud's metadata endpoints; the provider catalogue (api-versions, locations).
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/arm_api_versions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/metadata_endpoints_body.cpp
    ${CMAKE_CURRENT_LIST_DIR}/provider_body.cpp
    ${CMAKE_CURRENT_LIST_DIR}/provider_catalogue.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resources_operations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/subscription_bodies.cpp
)
