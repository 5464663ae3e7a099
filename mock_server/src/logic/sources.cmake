# logic/: Microsoft.Logic operations: regenerateAccessKey, listCallbackUrl, workflow resources.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/callback_url_body.cpp
    ${CMAKE_CURRENT_LIST_DIR}/list_callback_url.cpp
    ${CMAKE_CURRENT_LIST_DIR}/operations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/regenerate_access_key.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_operations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_resource.cpp
)
