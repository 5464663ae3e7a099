# hosts/: the host table (which service answers which Azure host name) and the proxy's reading
# of CONNECT and absolute-form requests.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/host_table.cpp
    ${CMAKE_CURRENT_LIST_DIR}/proxy_request.cpp
)
