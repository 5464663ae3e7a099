# web/: Logic Apps Standard: Microsoft.Web/sites and the site's hostruntime management API.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/site_keys.cpp
    ${CMAKE_CURRENT_LIST_DIR}/site_operations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/site_resource.cpp
    ${CMAKE_CURRENT_LIST_DIR}/site_triggers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/web_operations.cpp
)
