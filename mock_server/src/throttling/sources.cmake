# throttling/: ARM's token buckets (per subscription x principal x operation type, and global),
# the bounded map that holds them, and the pipeline's throttling stage (4c).
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/throttle_stage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/throttler.cpp
    ${CMAKE_CURRENT_LIST_DIR}/token_bucket.cpp
)
