#pragma once
// Every error the fake answers with: ARM code, HTTP status, message template and whether ARM's
// gateway produced it. The only place error texts live; see docs/reference/arm-errors.md.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "logicmock/http_types.hpp"

namespace logicmock {

enum class ErrorId {
    RouteNotFound,
    MethodNotAllowed,
    MissingApiVersionParameter,
    NoRegisteredProviderFound,
    InvalidApiVersionParameter,
    InvalidResourceNamespace,
    AuthenticationFailed,
    AuthenticationFailedInvalidHeader,
    InvalidAuthenticationToken,
    InvalidAuthenticationTokenAudience,
    ExpiredAuthenticationToken,
    InvalidAuthenticationTokenTenant,
    InvalidSubscriptionId,
    SubscriptionNotFound,
    ResourceGroupNotFound,
    ResourceNotFound,
    SubscriptionTokensExhausted,  // the throttling stage (token buckets)
    UnsupportedMediaType,
    RequestEntityTooLarge,
    RequestUriTooLong,
    MalformedRequest,
    InvalidRequestContent,
    MissingRequestContent,
    KeyTypeNotSpecifiedRejected,
    // listCallbackUrl and workflow resources (docs/callbacks-and-state.md)
    WorkflowTriggerNotFound,
    ListCallbackUrlNotSupported,
    WorkflowHasNoRequestTrigger,
    InvalidNotAfter,
    InvalidWorkflowName,
    DuplicateTriggerName,
    WorkflowLocationConflict,
    // the Logic runtime host: callback URL invocation (docs/callbacks-and-state.md)
    RuntimePathNotFound,
    RuntimeWorkflowNotFound,
    SasAuthorizationRequired,
    SasInvalidSignature,
    SasMoreThanOneAuthorization,
    TriggerMethodNotValid,
    // Logic Apps Standard: Microsoft.Web/sites, its hostruntime API and runtime
    // (docs/logic-apps-standard.md)
    SiteNotFound,
    SiteWorkflowNotFound,
    StandardWorkflowNotFound,
    StandardRuntimePathNotFound,
    StandardSasParametersRequired,
    UnexpectedRequestContent,
    // Fault presets (docs/making-it-fail.md).
    SubscriptionRequestsThrottled,
    ServiceUnavailable,
    GatewayTimeout,
    AuthorizationFailed,
    Conflict,
    // The /_mock/ admin API and the x-mock-fault header.
    AdminApiDisabled,
    AdminAuthenticationFailed,
    AdminRouteNotFound,
    InvalidFaultRule,
    FaultRuleNotFound,
    TooManyFaultRules,
    InvalidJournalQuery,
    InvalidThrottlingSettings,
    InvalidMockFaultHeader,
    InvalidSecretRevocation,
    SecretNotFound,
    // The intercepting proxy (docs/proxy.md).
    ProxyHostNotServed,
    ProxyRequestInvalid,
    ProxyHostMismatch,
    InternalServerError,  // keep last: tests count the catalogue by it
};

struct CatalogueEntry {
    ErrorId id;
    std::string_view code;
    int status;
    std::string_view message_template;  // {0}, {1}, ... are replaced by the arguments
    bool from_gateway;                  // true: ARM itself answers (x-ms-failure-cause: gateway)
};

const std::vector<CatalogueEntry>& error_catalogue();
const CatalogueEntry& catalogue_entry(ErrorId id);

// One error as it will be sent: the catalogue entry with its message filled in, plus any
// headers that belong to it (WWW-Authenticate, Allow, ...).
struct ArmError {
    int status = 500;
    std::string code;
    std::string message;
    bool from_gateway = false;
    Headers extra_headers;
};

ArmError make_error(ErrorId id, std::initializer_list<std::string_view> args = {});

// Body {"error":{"code":...,"message":...}} as compact JSON.
std::string error_body(const ArmError& error);

}  // namespace logicmock
