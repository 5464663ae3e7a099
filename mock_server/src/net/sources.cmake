# net/: The transport: connection loop, elastic workers, httplib adapter, TLS, transport faults, request log.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/ca_file.cpp
    ${CMAKE_CURRENT_LIST_DIR}/connection.cpp
    ${CMAKE_CURRENT_LIST_DIR}/connection_server.cpp
    ${CMAKE_CURRENT_LIST_DIR}/elastic_thread_pool.cpp
    ${CMAKE_CURRENT_LIST_DIR}/http_adapter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/local_ca.cpp
    ${CMAKE_CURRENT_LIST_DIR}/openssl_util.cpp
    ${CMAKE_CURRENT_LIST_DIR}/proxy_head.cpp
    ${CMAKE_CURRENT_LIST_DIR}/request_log.cpp
    ${CMAKE_CURRENT_LIST_DIR}/request_screen.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tls_credentials.cpp
    ${CMAKE_CURRENT_LIST_DIR}/transport_faults.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tunnel_tls.cpp
)
