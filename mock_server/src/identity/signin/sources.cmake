# identity/signin/: user sign-in: the authorize page (code, token and id_token redirects), the
# device code flow and its /devicelogin page, the HTML page itself, and the token endpoint's user
# grants (authorization_code with PKCE, refresh_token, device code).
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/authorize_endpoint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/device_code_endpoint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sign_in_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/user_grants.cpp
)
