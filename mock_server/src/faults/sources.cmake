# faults/: Fault rules, presets, the engine that picks one, and the pipeline's fault stage.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/fault_engine.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fault_presets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fault_rule.cpp
    ${CMAKE_CURRENT_LIST_DIR}/fault_stage.cpp
)
