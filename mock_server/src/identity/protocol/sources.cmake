# identity/protocol/: what every identity room shares to speak Entra: which endpoint a request is
# for (identity_routes) and the Entra error catalogue (entra_errors), the only place Entra error
# texts live.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/entra_errors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/identity_routes.cpp
)
