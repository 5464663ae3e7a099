# identity/endpoints/: the fake Microsoft Entra ID's front: IdentityService (one entry for every
# identity request, owner of the signing key, grant store and page secret, and the verifier
# --auth entra uses), OIDC discovery and JWKS, the token endpoint (client credentials; user grants
# are identity/signin's) and App Service managed identity.
target_sources(logicmock_server PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/discovery.cpp
    ${CMAKE_CURRENT_LIST_DIR}/identity_service.cpp
    ${CMAKE_CURRENT_LIST_DIR}/imds.cpp
    ${CMAKE_CURRENT_LIST_DIR}/managed_identity.cpp
    ${CMAKE_CURRENT_LIST_DIR}/token_endpoint.cpp
)
