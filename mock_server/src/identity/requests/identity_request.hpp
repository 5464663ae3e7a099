#pragma once
// What every identity endpoint reads: the request, settings, directory, key and clock, and the
// short-lived codes the sign-in flows keep; the token request form as Entra reads it first.

#include <cstddef>
#include <optional>
#include <string>
#include <variant>

#include "identity/protocol/identity_routes.hpp"
#include "identity/requests/form_body.hpp"
#include "identity/tokens/grant_store.hpp"
#include "identity/tokens/page_token.hpp"
#include "identity/tokens/signing_key.hpp"
#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/request_target.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

struct IdentityRequest {
    const Request& request;
    const RequestTarget& target;
    const ServiceOptions& options;
    const WorkflowStore& store;
    const SigningKey& key;
    SystemTime now;
    std::string base_url;           // request_base_url(): where discovery documents point
    GrantStore& grants;             // authorization and device codes
    const PageSecret& page_secret;  // the sign-in pages' flowToken key
};

// 200 with a JSON body and Entra's headers.
Response entra_json(const IdentityRequest& in, const std::string& body);

// Token request bodies above this are refused (AADSTS90100) before they are parsed.
inline constexpr std::size_t kMaxTokenRequestBytes = 64 * 1024;

// What the token and device code endpoints read first, in Entra's order: POST only, the route's
// tenant (none for common and organizations, which only a user can resolve), a body within
// kMaxTokenRequestBytes, then the form (a body of another media type has no parameters).
struct EntraForm {
    std::optional<TenantRecord> tenant;
    FormBody form;
};
std::variant<EntraForm, Response> read_entra_form(const IdentityRequest& in,
                                                  const IdentityRoute& route);

}  // namespace logicmock
