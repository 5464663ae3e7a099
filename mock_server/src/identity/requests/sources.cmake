# identity/requests/: what every identity endpoint reads: the IdentityRequest bundle, the token
# request form in Entra's order (read_entra_form), the strict form body parser, the server's base
# URL as the client reached it, and scope / resource to audience.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/base_url.cpp
    ${CMAKE_CURRENT_LIST_DIR}/form_body.cpp
    ${CMAKE_CURRENT_LIST_DIR}/identity_request.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scope.cpp
)
