# journal/: The request journal and the redaction of secrets.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/journal_slot.cpp
    ${CMAKE_CURRENT_LIST_DIR}/redaction.cpp
    ${CMAKE_CURRENT_LIST_DIR}/request_journal.cpp
)
