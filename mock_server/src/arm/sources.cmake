# arm/: ARM's front door: the pipeline (Service) and its stages.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/api_version.cpp
    ${CMAKE_CURRENT_LIST_DIR}/authentication.cpp
    ${CMAKE_CURRENT_LIST_DIR}/request_body.cpp
    ${CMAKE_CURRENT_LIST_DIR}/resource_lookup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/routes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/service.cpp
)
