#pragma once
// What a Service is configured with (flags, ServerOptions::service). Its own header, so that the
// pipeline's stages and the services read their settings without depending on Service itself.

#include <cstddef>
#include <memory>
#include <string>

#include "logicmock/faults.hpp"
#include "logicmock/throttling.hpp"

namespace logicmock {

enum class AuthPolicy {
    Any,     // any non-empty bearer token
    Static,  // the bearer token must equal ServiceOptions::static_token
    Jwt,     // a JWT whose exp and aud are checked (signature not verified)
    Entra,   // a token this server's fake Entra ID signed, for a principal and tenant it knows
};

// Who the fake Entra ID gives tokens to (client-credentials grant, managed identity).
enum class IdentityPolicy {
    Seeded,     // only the seed's service principals, with one of their secrets
    AcceptAny,  // any client id with a non-empty secret; the object id is derived from it
};

enum class NotSpecifiedPolicy {
    RotatePrimary,  // keyType NotSpecified (or absent) rotates the primary key
    Reject,         // ... is refused with 400 InvalidRequestContent
};

struct ServiceOptions {
    AuthPolicy auth = AuthPolicy::Any;
    std::string static_token;
    NotSpecifiedPolicy not_specified = NotSpecifiedPolicy::RotatePrimary;
    std::size_t max_body_bytes = 1024 * 1024;
    std::string region = "westus";  // used in x-ms-routing-request-id
    // Base URL of callback URLs (the Logic runtime host, e.g. "https://prod-00.westus.logic.
    // azure.com"); empty: self_base_url, the URL MockServer listens on (set after binding).
    std::string runtime_base_url;
    std::string self_base_url;
    std::string self_https_base_url;  // the HTTPS listener's when HTTP and HTTPS both listen
    // Logic Apps Standard callback URLs (docs/logic-apps-standard.md): the runtime api-version
    // they carry, and whether they name https://{site host}:443 instead of this server.
    std::string standard_runtime_api_version = "2022-05-01";
    bool standard_site_host_urls = false;
    // Callback URLs name Azure's runtime hosts (https://prod-00.{region}.logic.azure.com:443,
    // https://{site}.azurewebsites.net:443) for every request, not only those through the proxy.
    bool azure_host_urls = false;
    // The fake Entra ID (identity/, docs/signing-in.md).
    IdentityPolicy identity = IdentityPolicy::Seeded;
    std::string signing_key_file;  // PEM; read when it exists, else created; "": a fresh key
    int token_lifetime_s = 3600;   // expires_in; above 300, which clients treat as expired
    std::string identity_header = "logicmock-identity-header";  // managed identity's secret
    // Fault injection and the request journal (docs/making-it-fail.md).
    std::shared_ptr<const FaultRuleList> faults;  // start-up rules (--faults); may be null
    std::size_t journal_size = 1000;              // entries kept; 0 turns the journal off
    std::size_t journal_body_limit = 4096;        // request body bytes kept per entry
    bool admin_enabled = true;                    // false: no /_mock/ admin API, no x-mock-fault
    std::string admin_token;                      // non-empty: admin calls must present it
    ThrottlingOptions throttling;                 // token buckets (docs/throttling.md)
    // The intercepting proxy (docs/proxy.md): CONNECT and absolute-form requests for Azure's
    // host names are served; false: they are ordinary requests, routed by path as before.
    bool proxy = true;
};

}  // namespace logicmock
