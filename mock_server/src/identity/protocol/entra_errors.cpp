#include "identity/protocol/entra_errors.hpp"

#include <ctime>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

std::string fill(std::string_view text, std::initializer_list<std::string_view> args) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' &&
            text[i + 1] <= '9') {
            const std::size_t n = static_cast<std::size_t>(text[i + 1] - '0');
            if (n < args.size()) out += *(args.begin() + n);
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

// "2016-01-09 02:02:12Z", Entra's timestamp format.
std::string entra_timestamp(SystemTime now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%SZ", &tm);
    return text;
}

// A client-request-id worth echoing: a GUID-like token, never arbitrary header bytes.
std::string correlation_id_of(const Request& request) {
    auto id = request.headers.get("client-request-id");
    if (!id || id->empty() || id->size() > 64) return random_guid();
    for (char c : *id) {
        const bool ok =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
        if (!ok) return random_guid();
    }
    return std::string(*id);
}

}  // namespace

// Texts docs/reference/entra-errors.md marks [verified]/[observed] are copied to the letter;
// AADSTS90100, AADSTS900561, AADSTS90033 and the managed identity rows are our assumptions
// (docs/signing-in.md says so). Sign-in rows (checked by search, docs/reference/entra-errors.md
// names the sources): observed texts for 50126, 50011, 54005, 70008, 501481, 9002313, 70016 and
// 70020 (70019 was a first guess; clients see 70020); 50149 is in Microsoft's error reference;
// 700054 and 70000 are inferred; the user-code row is an assumption.
const std::vector<EntraCatalogueEntry>& entra_error_catalogue() {
    static const std::vector<EntraCatalogueEntry> entries{
        {EntraErrorId::InvalidClientSecret, 7000215, 401, "invalid_client",
         "Invalid client secret provided. Ensure the secret being sent in the request is the "
         "client secret value, not the client secret ID, for a secret added to app '{0}'."},
        {EntraErrorId::MissingClientSecret, 7000218, 401, "invalid_client",
         "The request body must contain the following parameter: 'client_assertion' or "
         "'client_secret'."},
        {EntraErrorId::UnknownApplication, 700016, 400, "unauthorized_client",
         "Application with identifier '{0}' was not found in the directory '{1}'. This can "
         "happen if the application has not been installed by the administrator of the tenant "
         "or consented to by any user in the tenant. You may have sent your authentication "
         "request to the wrong tenant."},
        {EntraErrorId::UnknownTenant, 90002, 400, "invalid_tenant",
         "Tenant '{0}' not found. Check to make sure you have the correct tenant ID and are "
         "signing into the correct cloud. Check with your subscription administrator, this may "
         "happen if there are no active subscriptions for the tenant."},
        {EntraErrorId::UnsupportedGrantType, 70003, 400, "unsupported_grant_type",
         "The app requested an unsupported grant type '{0}'."},
        {EntraErrorId::MissingParameter, 900144, 400, "invalid_request",
         "The request body must contain the following parameter: '{0}'."},
        {EntraErrorId::ResourceNotSupported, 901002, 400, "invalid_request",
         "The 'resource' request parameter isn't supported."},
        {EntraErrorId::InvalidScope, 70011, 400, "invalid_scope",
         "The provided value for the input parameter 'scope' is not valid. The scope {0} is not "
         "valid."},
        {EntraErrorId::InvalidParameter, 90100, 400, "invalid_request",
         "The parameter '{0}' is empty or not valid."},
        {EntraErrorId::PostOnly, 900561, 400, "invalid_request",
         "The endpoint only accepts POST requests. Received a {0} request."},
        {EntraErrorId::TransientError, 90033, 503, "temporarily_unavailable",
         "A transient error has occurred. Please try again."},
        {EntraErrorId::InvalidCredentials, 50126, 400, "invalid_grant",
         "Error validating credentials due to invalid username or password."},
        {EntraErrorId::RedirectUriMismatch, 50011, 400, "invalid_request",
         "The redirect URI '{0}' specified in the request does not match the redirect URIs "
         "configured for the application '{1}'. Make sure the redirect URI sent in the request "
         "matches one added to your application in the Azure portal. Navigate to "
         "https://aka.ms/redirectUriMismatchError to learn more about how to fix this."},
        {EntraErrorId::ResponseTypeNotEnabled, 700054, 400, "unsupported_response_type",
         "response_type '{0}' is not enabled for the application."},
        {EntraErrorId::CodeChallengeMethod, 50149, 400, "invalid_request",
         "Invalid Code_Challenge_method parameter."},
        {EntraErrorId::InvalidCode, 70000, 400, "invalid_grant",
         "The provided value for the 'code' parameter is not valid."},
        {EntraErrorId::CodeRedeemed, 54005, 400, "invalid_grant",
         "OAuth2 Authorization code was already redeemed, please retry with a new valid code or "
         "use an existing refresh token."},
        {EntraErrorId::CodeExpired, 70008, 400, "invalid_grant",
         "The provided authorization code or refresh token has expired due to inactivity."},
        {EntraErrorId::CodeVerifierMismatch, 501481, 400, "invalid_grant",
         "The Code_Verifier does not match the code_challenge supplied in the authorization "
         "request."},
        {EntraErrorId::MalformedGrant, 9002313, 400, "invalid_grant",
         "Invalid request. Request is malformed or invalid."},
        {EntraErrorId::AuthorizationPending, 70016, 400, "authorization_pending",
         "OAuth 2.0 device flow error. Authorization is pending. Continue polling."},
        {EntraErrorId::DeviceCodeExpired, 70020, 400, "expired_token",
         "The provided value for the input parameter 'device_code' is not valid. This device code "
         "has expired."},
        {EntraErrorId::UnknownUserCode, 0, 400, "invalid_request",
         "That code didn't work. Check the code and try again."},
        {EntraErrorId::IdentityHeaderMismatch, 0, 401, "invalid_request",
         "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER."},
        {EntraErrorId::UnknownManagedIdentity, 0, 400, "invalid_request",
         "No managed identity with {0} '{1}' is assigned to this resource."},
        {EntraErrorId::ManagedIdentityBadRequest, 0, 400, "invalid_request",
         "The request must carry api-version=2019-08-01 and one resource; {0}."},
        // IMDS: bad_request_102 and "Identity not found" are Microsoft's (verified, observed);
        // the texts for a missing query variable and an unknown path are assumptions.
        {EntraErrorId::ImdsMetadataHeaderRequired, 0, 400, "bad_request_102",
         "Required metadata header not specified"},
        {EntraErrorId::ImdsIdentityNotFound, 0, 400, "invalid_request", "Identity not found"},
        {EntraErrorId::ImdsBadRequest, 0, 400, "invalid_request",
         "Required query variable '{0}' is missing"},
        {EntraErrorId::ImdsNotFound, 0, 404, "not_found",
         "The metadata path '{0}' is not served: logicmock plays a machine with no region and no "
         "instance metadata"},
        // Assumption: Entra's answer for a path it does not serve (its own is an HTML page).
        {EntraErrorId::EndpointNotFound, 0, 404, "not_found",
         "logicmock's Entra ID has no endpoint '{0}'"},
    };
    return entries;
}

const EntraCatalogueEntry& entra_catalogue_entry(EntraErrorId id) {
    for (const auto& entry : entra_error_catalogue()) {
        if (entry.id == id) return entry;
    }
    throw std::logic_error("Entra error id missing from the catalogue");
}

void add_entra_headers(Response& response, const Request& request, std::string_view trace_id) {
    response.headers.set("Content-Type", "application/json; charset=utf-8");
    response.headers.set("Cache-Control", "no-store, no-cache");
    response.headers.set("Pragma", "no-cache");
    response.headers.set("Expires", "-1");
    response.headers.set("x-ms-request-id", std::string(trace_id));
    response.headers.set("x-ms-ests-server", "logicmock");
    if (auto id = request.headers.get("client-request-id")) {
        response.headers.set("client-request-id", correlation_id_of(request));
    }
}

Response entra_error_with(int status, std::string_view error, std::string_view head,
                          const Request& request, SystemTime now) {
    const std::string trace_id = random_guid();
    const std::string correlation_id = correlation_id_of(request);
    const std::string timestamp = entra_timestamp(now);
    nlohmann::json body{{"error", error}};
    int aadsts = 0;
    if (head.rfind("AADSTS", 0) == 0) {
        std::size_t i = 6;
        while (i < head.size() && i < 14 && head[i] >= '0' && head[i] <= '9') {
            aadsts = aadsts * 10 + (head[i++] - '0');
        }
        if (i == 6 || i >= head.size() || head[i] != ':') aadsts = 0;
    }
    body["error_description"] = std::string(head) + "\r\nTrace ID: " + trace_id +
                                "\r\nCorrelation ID: " + correlation_id +
                                "\r\nTimestamp: " + timestamp;
    body["error_codes"] = aadsts ? nlohmann::json::array({aadsts}) : nlohmann::json::array();
    body["timestamp"] = timestamp;
    body["trace_id"] = trace_id;
    body["correlation_id"] = correlation_id;
    if (aadsts)
        body["error_uri"] =
            "https://login.microsoftonline.com/error?code=" + std::to_string(aadsts);
    Response response(status);
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    add_entra_headers(response, request, trace_id);
    return response;
}

std::string entra_error_text(EntraErrorId id, std::initializer_list<std::string_view> args) {
    const EntraCatalogueEntry& entry = entra_catalogue_entry(id);
    const std::string text = fill(entry.description_template, args);
    return entry.aadsts ? "AADSTS" + std::to_string(entry.aadsts) + ": " + text : text;
}

Response entra_error(EntraErrorId id, std::initializer_list<std::string_view> args,
                     const Request& request, SystemTime now) {
    const EntraCatalogueEntry& entry = entra_catalogue_entry(id);
    const std::string text = fill(entry.description_template, args);
    if (entry.aadsts == 0) {
        // Managed identity: not Entra's STS, so no trace block, only what it says.
        Response response(entry.status);
        response.body = nlohmann::json{{"error", entry.error}, {"error_description", text}}.dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace);
        add_entra_headers(response, request, random_guid());
        return response;
    }
    return entra_error_with(entry.status, entry.error,
                            "AADSTS" + std::to_string(entry.aadsts) + ": " + text, request, now);
}

}  // namespace logicmock
