#include "protocol/error_catalogue.hpp"

#include <algorithm>
#include <stdexcept>

#include "logicmock/json_text.hpp"

namespace logicmock {

// Texts docs/reference/arm-errors.md marks [verified]/[observed] are copied to the letter; the
// others are our assumptions (that page lists which).
const std::vector<CatalogueEntry>& error_catalogue() {
    static const std::vector<CatalogueEntry> entries{
        {ErrorId::RouteNotFound, "InvalidResourceType", 404,
         "The resource type '{0}' could not be found in the namespace '{2}' for api version "
         "'{1}'.",
         true},
        {ErrorId::MethodNotAllowed, "MethodNotAllowed", 405,
         "The requested resource does not support http method '{0}'.", true},
        {ErrorId::MissingApiVersionParameter, "MissingApiVersionParameter", 400,
         "The api-version query parameter (?api-version=) is required for all requests.", true},
        {ErrorId::NoRegisteredProviderFound, "NoRegisteredProviderFound", 400,
         "No registered resource provider found for location '{0}' and API version '{1}' for type "
         "'{2}'. The supported api-versions are '{3}'. The supported locations are '{4}'.",
         true},
        {ErrorId::InvalidApiVersionParameter, "InvalidApiVersionParameter", 400,
         "The api-version '{0}' is invalid. The supported versions are '{1}'.", true},
        // Assumption: text and status of ARM's answer for an unknown provider namespace.
        {ErrorId::InvalidResourceNamespace, "InvalidResourceNamespace", 404,
         "The resource namespace '{0}' is invalid.", true},
        {ErrorId::AuthenticationFailed, "AuthenticationFailed", 401,
         "Authentication failed. The 'Authorization' header is missing.", true},
        {ErrorId::AuthenticationFailedInvalidHeader, "AuthenticationFailedInvalidHeader", 401,
         "Authentication failed. The 'Authorization' header is provided in an invalid format.",
         true},
        {ErrorId::InvalidAuthenticationToken, "InvalidAuthenticationToken", 401,
         "The access token is invalid.", true},
        {ErrorId::InvalidAuthenticationTokenAudience, "InvalidAuthenticationTokenAudience", 401,
         "The access token has been obtained for wrong audience or resource '{0}'. It should "
         "exactly match with one of the allowed audiences "
         "'https://management.core.windows.net/','https://management.core.windows.net',"
         "'https://management.azure.com/','https://management.azure.com'.",
         true},
        {ErrorId::ExpiredAuthenticationToken, "ExpiredAuthenticationToken", 401,
         "The access token expiry UTC time '{0}' is earlier than current UTC time '{1}'.", true},
        {ErrorId::InvalidAuthenticationTokenTenant, "InvalidAuthenticationTokenTenant", 401,
         "The access token is from the wrong issuer '{0}'. It must match the tenant '{1}' "
         "associated with this subscription. Please use the authority (URL) '{2}' to get the "
         "token. Note, if the subscription is transferred to another tenant there is no impact "
         "to the services, but information about new tenant could take time to propagate (up to "
         "an hour). If you just transferred your subscription and see this error message, please "
         "try back later.",
         true},
        {ErrorId::InvalidSubscriptionId, "InvalidSubscriptionId", 400,
         "The provided subscription identifier '{0}' is malformed or invalid.", true},
        {ErrorId::SubscriptionNotFound, "SubscriptionNotFound", 404,
         "The subscription '{0}' could not be found.", true},
        {ErrorId::ResourceGroupNotFound, "ResourceGroupNotFound", 404,
         "Resource group '{0}' could not be found.", true},
        {ErrorId::ResourceNotFound, "ResourceNotFound", 404,
         "The Resource 'Microsoft.Logic/workflows/{0}' under resource group '{1}' was not found. "
         "For more details please go to https://aka.ms/ARMResourceNotFoundFix",
         false},
        // The token-bucket text (docs/throttling.md, observed for 'read'). The fault preset
        // Throttled shares the code but quotes the older backend-limit text below.
        {ErrorId::SubscriptionTokensExhausted, "SubscriptionRequestsThrottled", 429,
         "Number of '{0}' requests for subscription '{1}' actor '{2}' exceeded. Please try again "
         "after '{3}' seconds after additional tokens are available. Refer to "
         "https://aka.ms/arm-throttling for additional information.",
         true},
        {ErrorId::UnsupportedMediaType, "UnsupportedMediaType", 415,
         "The content media type '{0}' is not supported. Only 'application/json' is supported.",
         true},
        {ErrorId::RequestEntityTooLarge, "RequestEntityTooLarge", 413,
         "The request content size exceeds the maximum allowed size of '{0}' bytes.", true},
        {ErrorId::RequestUriTooLong, "RequestUriTooLong", 414,
         "The request URI is longer than the server accepts.", true},
        {ErrorId::MalformedRequest, "BadRequest", 400,
         "The HTTP request is malformed and could not be processed.", true},
        {ErrorId::InvalidRequestContent, "InvalidRequestContent", 400,
         "The request content was invalid and could not be deserialized: '{0}'.", false},
        {ErrorId::MissingRequestContent, "InvalidRequestContent", 400,
         "The request content was invalid and could not be deserialized: 'The request body is "
         "required and was empty. Path ''.'.",
         false},
        {ErrorId::KeyTypeNotSpecifiedRejected, "InvalidRequestContent", 400,
         "The request content was invalid and could not be deserialized: 'The key type "
         "'NotSpecified' cannot be regenerated; the supported key types are 'Primary', "
         "'Secondary'. Path 'keyType'.'.",
         false},
        // listCallbackUrl and workflow resources. The code of the two 400s and the 404 for a
        // trigger are our choice (docs/callbacks-and-state.md); the ListCallbackUrl text is
        // observed.
        {ErrorId::WorkflowTriggerNotFound, "WorkflowTriggerNotFound", 404,
         "The workflow '{0}' trigger '{1}' could not be found.", false},
        {ErrorId::ListCallbackUrlNotSupported, "InvalidTriggerType", 400,
         "The 'ListCallbackUrl' API is not supported by triggers of type '{0}'.", false},
        {ErrorId::WorkflowHasNoRequestTrigger, "InvalidTriggerType", 400,
         "The workflow '{0}' has no trigger of type 'Request'; the 'ListCallbackUrl' API needs "
         "one.",
         false},
        {ErrorId::InvalidNotAfter, "InvalidRequestContent", 400,
         "The request content was invalid and could not be deserialized: 'Could not convert "
         "string to DateTime: {0}. Path 'notAfter'.'.",
         false},
        {ErrorId::InvalidWorkflowName, "InvalidResourceName", 400,
         "The resource name '{0}' is invalid. A workflow name has 1 to 80 characters: letters, "
         "digits, '-', '_', '.', '(' and ')'.",
         true},
        {ErrorId::DuplicateTriggerName, "InvalidRequestContent", 400,
         "The request content was invalid and could not be deserialized: 'The trigger names "
         "'{0}' and '{1}' differ only in case. Path 'properties.definition.triggers'.'.",
         false},
        {ErrorId::WorkflowLocationConflict, "InvalidResourceLocation", 409,
         "The resource '{0}' already exists in location '{1}' in resource group '{2}'. A "
         "resource with the same name cannot be created in location '{3}'. Please select a new "
         "resource name.",
         true},
        // The Logic runtime host (callback URLs). Texts from docs/callbacks-and-state.md.
        {ErrorId::RuntimePathNotFound, "NotFound", 404,
         "The requested path is not a workflow trigger endpoint: expected "
         "'/workflows/{workflowId}/triggers/{triggerName}/paths/invoke'.",
         false},
        {ErrorId::RuntimeWorkflowNotFound, "WorkflowNotFound", 404,
         "The workflow could not be found.", false},
        {ErrorId::SasAuthorizationRequired, "DirectApiAuthorizationRequired", 401,
         "The request must be authenticated only by Shared Access scheme.", false},
        {ErrorId::SasInvalidSignature, "DirectApiInvalidAuthorizationSignature", 401,
         "The provided authorization signature is not valid.", false},
        {ErrorId::SasMoreThanOneAuthorization, "DirectApiRequestHasMoreThanOneAuthorization", 400,
         "The request has SAS authentication scheme, 'HMAC' authorization scheme or internal "
         "token scheme. Only one scheme should be used.",
         false},
        {ErrorId::TriggerMethodNotValid, "TriggerRequestMethodNotValid", 400,
         "The HTTP method for this request is not valid: expected 'Post' and actual '{0}'.", false},
        // Logic Apps Standard (docs/logic-apps-standard.md). SiteNotFound is ARM's
        // ResourceNotFound with the Microsoft.Web/sites type; the GetWorkflow text is the
        // REST reference's (its code is our choice); the runtime's workflow text and the SAS
        // parameters text are observed (section 6), their use on the hostruntime path, the
        // statuses and the path and body texts are assumptions.
        {ErrorId::SiteNotFound, "ResourceNotFound", 404,
         "The Resource 'Microsoft.Web/sites/{0}' under resource group '{1}' was not found. For "
         "more details please go to https://aka.ms/ARMResourceNotFoundFix",
         false},
        {ErrorId::SiteWorkflowNotFound, "WorkflowNotFound", 404,
         "Workflow with a name of {0} does not exist.", false},
        {ErrorId::StandardWorkflowNotFound, "WorkflowNotFound", 404,
         "The workflow '{0}' could not be found.", false},
        {ErrorId::StandardRuntimePathNotFound, "NotFound", 404,
         "The requested path is not a workflow trigger endpoint: expected "
         "'/api/{workflowName}/triggers/{triggerName}/invoke'.",
         false},
        {ErrorId::StandardSasParametersRequired, "AuthorizationFailed", 401,
         "Required parameters for shared access URL are permissions ('sp'), version ('sv'), and "
         "signature ('sig').",
         false},
        {ErrorId::UnexpectedRequestContent, "InvalidRequestContent", 400,
         "The request content was invalid and could not be deserialized: 'This operation takes "
         "no request body. Path ''.'.",
         false},
        // Fault presets. Throttled and AuthorizationFailed follow ARM's observed texts; the
        // 503, 504 and 409 texts are assumptions (docs/making-it-fail.md).
        {ErrorId::SubscriptionRequestsThrottled, "SubscriptionRequestsThrottled", 429,
         "Number of requests for subscription '{0}' and operation '{1}' exceeded the backend "
         "storage limit. Please try again after '{2}' seconds.",
         true},
        {ErrorId::ServiceUnavailable, "ServiceUnavailable", 503,
         "The service is temporarily unavailable. Please retry the request later.", false},
        {ErrorId::GatewayTimeout, "GatewayTimeout", 504,
         "The gateway did not receive a response from 'Microsoft.Logic' within the specified "
         "time period.",
         true},
        {ErrorId::AuthorizationFailed, "AuthorizationFailed", 403,
         "The client '{0}' with object id '{1}' does not have authorization to perform action "
         "'{2}' over scope '{3}' or the scope is invalid. If access was recently granted, please "
         "refresh your credentials.",
         true},
        {ErrorId::Conflict, "Conflict", 409,
         "The operation cannot be performed on '{0}' because another operation on it is in "
         "progress. Retry the request later.",
         false},
        {ErrorId::AdminApiDisabled, "AdminApiDisabled", 404,
         "The logicmock admin API is turned off (--no-admin).", false},
        {ErrorId::AdminAuthenticationFailed, "AdminAuthenticationFailed", 401,
         "The logicmock admin API needs the admin token: send 'x-mock-admin-token: <token>' or "
         "'Authorization: Bearer <token>'.",
         false},
        {ErrorId::AdminRouteNotFound, "AdminRouteNotFound", 404,
         "There is no logicmock admin route '{0} {1}'; see docs/journal-and-admin.md.", false},
        {ErrorId::InvalidFaultRule, "InvalidFaultRule", 400, "The fault rule is invalid: {0}",
         false},
        {ErrorId::FaultRuleNotFound, "FaultRuleNotFound", 404, "There is no fault rule '{0}'.",
         false},
        {ErrorId::TooManyFaultRules, "TooManyFaultRules", 400,
         "At most {0} fault rules can be active at once.", false},
        {ErrorId::InvalidJournalQuery, "InvalidJournalQuery", 400,
         "The journal query parameter '{0}' is invalid: {1}", false},
        {ErrorId::InvalidThrottlingSettings, "InvalidThrottlingSettings", 400,
         "The throttling settings are invalid: {0}", false},
        {ErrorId::InvalidMockFaultHeader, "InvalidMockFaultHeader", 400,
         "The x-mock-fault header is invalid: {0}", false},
        {ErrorId::InvalidSecretRevocation, "InvalidSecretRevocation", 400,
         "The body must be a JSON object {\"secret\": \"<the secret value>\"}.", false},
        {ErrorId::SecretNotFound, "SecretNotFound", 404,
         "No service principal with client id '{0}' holds that secret.", false},
        // The proxy's refusals are logicmock's own (docs/proxy.md): it never forwards traffic.
        {ErrorId::ProxyHostNotServed, "ProxyHostNotServed", 403,
         "logicmock's proxy does not serve '{0}' and never forwards traffic anywhere. It answers "
         "for {1}. Send requests for other hosts directly: add the host to NO_PROXY.",
         false},
        {ErrorId::ProxyRequestInvalid, "ProxyRequestInvalid", 400,
         "logicmock's proxy cannot serve this request: {0}", false},
        {ErrorId::ProxyHostMismatch, "MisdirectedRequest", 421,
         "The request names host '{0}' but was sent through the proxy to '{1}'.", false},
        {ErrorId::InternalServerError, "InternalServerError", 500,
         "Encountered internal server error. Diagnostic information: timestamp '{0}', tracking id "
         "'{1}'.",
         false},
    };
    return entries;
}

const CatalogueEntry& catalogue_entry(ErrorId id) {
    const auto& entries = error_catalogue();
    auto it = std::find_if(entries.begin(), entries.end(),
                           [id](const CatalogueEntry& e) { return e.id == id; });
    if (it == entries.end()) throw std::logic_error("error id missing from the catalogue");
    return *it;
}

namespace {

std::string fill(std::string_view tmpl, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(tmpl.size() + 64);
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 2] == '}' && tmpl[i + 1] >= '0' &&
            tmpl[i + 1] <= '9') {
            std::size_t index = static_cast<std::size_t>(tmpl[i + 1] - '0');
            if (index < args.size()) out += *(args.begin() + index);
            i += 2;
        } else {
            out += tmpl[i];
        }
    }
    return out;
}

}  // namespace

ArmError make_error(ErrorId id, std::initializer_list<std::string_view> args) {
    const CatalogueEntry& entry = catalogue_entry(id);
    return ArmError{entry.status,
                    std::string(entry.code),
                    fill(entry.message_template, args),
                    entry.from_gateway,
                    {}};
}

std::string error_body(const ArmError& error) {
    return "{\"error\":{\"code\":" + json_quote(error.code) +
           ",\"message\":" + json_quote(error.message) + "}}";
}

}  // namespace logicmock
