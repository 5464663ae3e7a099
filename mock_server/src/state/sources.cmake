# state/: The store (memory, file), seed loading and writing.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/file_store.cpp
    ${CMAKE_CURRENT_LIST_DIR}/memory_store.cpp
    ${CMAKE_CURRENT_LIST_DIR}/seed_loader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/seed_writer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/record_lookups.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workflow_definition.cpp
)
