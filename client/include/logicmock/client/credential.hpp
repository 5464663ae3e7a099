#pragma once
// Sign-in with a service principal's client secret (OAuth 2.0 client credentials), against
// Microsoft Entra ID or logicmock's own identity endpoints alike:
//
//   ClientSecretCredential credential({.tenant_id = t, .client_id = c, .client_secret = s,
//                                      .authority_host = "https://127.0.0.1:8443",
//                                      .scope = "https://127.0.0.1:8443/.default"});
//   ClientOptions options;
//   options.token = credential.token_provider();  // cached until 5 minutes before expiry
//
// POST {authority_host}/{tenant}/oauth2/v2.0/token (tenant "adfs": /adfs/oauth2/token, as MSAL
// finds it in the ADFS discovery document), form body grant_type=client_credentials, client_id,
// client_secret, scope. The secret is only ever sent in that body: no error, message or log
// line of this library contains it.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "logicmock/client/http.hpp"
#include "logicmock/client/result.hpp"
#include "logicmock/client/retry.hpp"
#include "logicmock/client/workflows_client.hpp"

namespace logicmock::client {

inline constexpr const char* kPublicAuthorityHost = "https://login.microsoftonline.com";

struct ClientSecretCredentialOptions {
    std::string tenant_id;
    std::string client_id;
    std::string client_secret;
    std::string authority_host = kPublicAuthorityHost;  // http(s)://host[:port][/path]
    // What the token is for; ARM's default is https://management.azure.com/.default. Against
    // logicmock use "{base_url}/.default" (scope_for()), as the JS SDK does.
    std::string scope = "https://management.azure.com/.default";
    // A token is reused until this long before it expires (MSAL and azure-identity: 300 s).
    std::chrono::seconds refresh_margin{300};
    TlsOptions tls;
    ProxyOptions proxy;  // default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, for the authority host
    Timeouts timeouts;
    RetryPolicy retry;             // token requests retry as ARM calls do (429, 5xx, transport)
    RetryEnvironment environment;  // now() also decides when the cached token is stale
    std::string user_agent = "logicmock-client/0.1";
    std::shared_ptr<Transport> transport;  // empty: HTTP(S) to authority_host
};

// "{arm base url without a trailing slash}/.default".
std::string scope_for(std::string_view arm_base_url);

// As azure-identity reads an authority: no scheme means https://, trailing slashes dropped.
std::string normalize_authority_host(std::string_view host);

// The SDKs' environment variables: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (all
// three, non-empty, or nothing) and AZURE_AUTHORITY_HOST (optional; no scheme: https://).
std::optional<ClientSecretCredentialOptions> credential_options_from_environment();

struct AccessToken {
    std::string token;
    std::chrono::seconds expires_in{0};                // as the identity server said
    std::chrono::steady_clock::time_point expires_at;  // request time + expires_in
};

// An error answer of the identity server: {"error", "error_description", "error_codes", ...}.
struct EntraError {
    int status = 0;
    std::string error;                   // "invalid_client"
    std::string description;             // "AADSTS7000215: Invalid client secret provided. ..."
    std::vector<long long> error_codes;  // {7000215}
    std::string timestamp;
    std::string trace_id;
    std::string correlation_id;
    std::string body;  // raw, as received
};

// One sign-in attempt's outcome: a token, Entra's error, no answer, or an answer that is
// neither a token nor an Entra error (ContractError names the offending field).
using TokenOutcome = std::variant<AccessToken, EntraError, TransportError, ContractError>;

// Thrown by token_provider() when no token could be had, so a WorkflowsClient call fails with
// it instead of sending an unauthenticated request.
class SignInError : public std::runtime_error {
  public:
    explicit SignInError(TokenOutcome outcome);
    const TokenOutcome& outcome() const { return outcome_; }

  private:
    TokenOutcome outcome_;
};

// One line for people: "invalid_client (401): AADSTS7000215: ...", "connect: ...". No secret.
std::string describe(const TokenOutcome& outcome);

// Thread-safe; share one credential between clients.
class ClientSecretCredential {
  public:
    // Throws std::invalid_argument for a bad authority host or an empty tenant/client/secret,
    // ProxyConfigError (an invalid_argument too) for a proxy setting that applies and is unusable.
    explicit ClientSecretCredential(ClientSecretCredentialOptions options);
    ~ClientSecretCredential();
    ClientSecretCredential(const ClientSecretCredential&) = delete;
    ClientSecretCredential& operator=(const ClientSecretCredential&) = delete;

    // The cached token while more than refresh_margin is left, else a new token request.
    TokenOutcome get_token();

    // For ClientOptions::token: get_token()'s token, or throws SignInError. Keeps this
    // credential alive.
    TokenProvider token_provider();

    int token_requests() const;  // how many token requests (attempts) were sent so far

  private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace logicmock::client
