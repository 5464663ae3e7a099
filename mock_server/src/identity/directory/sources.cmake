# identity/directory/: who exists: tenants, service principals and users (the seed and
# --identity), and the applications users sign in to with their redirect URIs.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/directory.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sign_in_client.cpp
)
