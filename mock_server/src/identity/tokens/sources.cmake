# identity/tokens/: what this server mints and later checks: the RS256 signing key, JWTs, access,
# id and refresh tokens, the bounded verifier cache, authorization and device codes (grant store)
# and the sign-in page's flowToken.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/grant_store.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jwt.cpp
    ${CMAKE_CURRENT_LIST_DIR}/page_token.cpp
    ${CMAKE_CURRENT_LIST_DIR}/signing_key.cpp
    ${CMAKE_CURRENT_LIST_DIR}/token_issuer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/token_verifier.cpp
)
