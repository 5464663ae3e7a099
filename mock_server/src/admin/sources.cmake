# admin/: The /_mock/ admin API and the C++ MockAdmin helper.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/admin_api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mock_admin.cpp
    ${CMAKE_CURRENT_LIST_DIR}/throttling_admin.cpp
)
