# runtime/: The Logic runtime host: trigger invocation and callback URL signatures.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/callback_signature.cpp
    ${CMAKE_CURRENT_LIST_DIR}/runtime_invoke.cpp
)
