# protocol/: What the front door and the services share: error catalogue, ARM headers, request target, route types, request context, the caller principal.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/caller_principal.cpp
    ${CMAKE_CURRENT_LIST_DIR}/error_catalogue.cpp
    ${CMAKE_CURRENT_LIST_DIR}/request_target.cpp
    ${CMAKE_CURRENT_LIST_DIR}/response_headers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/route_types.cpp
)
