# app/: The executable and the in-process server: flags, main, MockServer.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/cli_options.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mock_server.cpp
)
