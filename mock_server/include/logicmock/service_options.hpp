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
    // Fault injection and the request journal (docs/FAULTS.md).
    std::shared_ptr<const FaultRuleList> faults;  // start-up rules (--faults); may be null
    std::size_t journal_size = 1000;              // entries kept; 0 turns the journal off
    std::size_t journal_body_limit = 4096;        // request body bytes kept per entry
    bool admin_enabled = true;                    // false: no /_mock/ admin API, no x-mock-fault
    std::string admin_token;                      // non-empty: admin calls must present it
    ThrottlingOptions throttling;                 // token buckets (README "Throttling")
};

}  // namespace logicmock
