# runtime/: The Logic runtime hosts (Consumption and Standard): trigger invocation and callback
# URL signatures.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/callback_signature.cpp
    ${CMAKE_CURRENT_LIST_DIR}/runtime_answers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/runtime_invoke.cpp
    ${CMAKE_CURRENT_LIST_DIR}/standard_invoke.cpp
    ${CMAKE_CURRENT_LIST_DIR}/standard_signature.cpp
)
