# util/: Base64, globs, HMAC-SHA256, time formats, random bytes.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/arm_time.cpp
    ${CMAKE_CURRENT_LIST_DIR}/base64.cpp
    ${CMAKE_CURRENT_LIST_DIR}/glob.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hmac.cpp
    ${CMAKE_CURRENT_LIST_DIR}/location_name.cpp
    ${CMAKE_CURRENT_LIST_DIR}/private_file.cpp
    ${CMAKE_CURRENT_LIST_DIR}/iso_time.cpp
    ${CMAKE_CURRENT_LIST_DIR}/random_bytes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/utf8.cpp
)
