#pragma once
// The application a user signs in to: a well-known public client (the Azure CLI, azure-identity's
// developer sign-on, ...) or a seeded service principal, and where the sign-in page may send the
// user back to. Only a validated redirect URI ever receives a code, a token or an error.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"

namespace logicmock {

// The Azure CLI's client id, also azure-identity's DEVELOPER_SIGN_ON_CLIENT_ID.
inline constexpr std::string_view kAzureCliClientId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

struct SignInClient {
    std::string client_id;
    std::string display_name;                // shown on the sign-in page
    bool public_client = true;               // no client secret at the token endpoint
    std::vector<std::string> redirect_uris;  // exact matches, besides loopback for public clients
};

// The client with that id: a well-known public client, a principal of `tenant` (or of any
// tenant when `tenant` is null: the common and organizations authorities), or under
// --identity accept-any any other id as a public client.
std::optional<SignInClient> find_sign_in_client(const WorkflowStore& store,
                                                const TenantRecord* tenant,
                                                std::string_view client_id, IdentityPolicy policy);

// http://localhost[:port][/path] or http://127.0.0.1[:port][/path], nothing else in it.
bool is_loopback_redirect(std::string_view uri);

// Whether the page may send this client's user to `uri`.
bool redirect_allowed(const SignInClient& client, std::string_view uri);

}  // namespace logicmock
