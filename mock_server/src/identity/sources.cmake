# identity/: the fake Microsoft Entra ID: discovery, JWKS, token endpoints, managed identity,
# RS256 signing and the verification --auth entra uses; user sign-in (the authorize page,
# authorization codes with PKCE, refresh tokens, device codes).
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/authorize_endpoint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/base_url.cpp
    ${CMAKE_CURRENT_LIST_DIR}/device_code_endpoint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/directory.cpp
    ${CMAKE_CURRENT_LIST_DIR}/discovery.cpp
    ${CMAKE_CURRENT_LIST_DIR}/entra_errors.cpp
    ${CMAKE_CURRENT_LIST_DIR}/form_body.cpp
    ${CMAKE_CURRENT_LIST_DIR}/grant_store.cpp
    ${CMAKE_CURRENT_LIST_DIR}/identity_request.cpp
    ${CMAKE_CURRENT_LIST_DIR}/identity_routes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/identity_service.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jwt.cpp
    ${CMAKE_CURRENT_LIST_DIR}/managed_identity.cpp
    ${CMAKE_CURRENT_LIST_DIR}/page_token.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scope.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sign_in_client.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sign_in_page.cpp
    ${CMAKE_CURRENT_LIST_DIR}/signing_key.cpp
    ${CMAKE_CURRENT_LIST_DIR}/token_endpoint.cpp
    ${CMAKE_CURRENT_LIST_DIR}/token_issuer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/token_verifier.cpp
    ${CMAKE_CURRENT_LIST_DIR}/user_grants.cpp
)
