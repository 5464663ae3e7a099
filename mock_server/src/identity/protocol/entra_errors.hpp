#pragma once
// Every error the fake Entra ID answers with: AADSTS number, HTTP status, OAuth error and the
// description template. The only place Entra error texts live (ARM's are in
// protocol/error_catalogue.cpp); docs/reference/entra-errors.md lists each code.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "logicmock/http_types.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

enum class EntraErrorId {
    InvalidClientSecret,   // AADSTS7000215
    MissingClientSecret,   // AADSTS7000218
    UnknownApplication,    // AADSTS700016
    UnknownTenant,         // AADSTS90002
    UnsupportedGrantType,  // AADSTS70003
    MissingParameter,      // AADSTS900144
    ResourceNotSupported,  // AADSTS901002
    InvalidScope,          // AADSTS70011
    InvalidParameter,      // AADSTS90100: a repeated, badly encoded or oversized parameter
    PostOnly,              // AADSTS900561
    TransientError,        // AADSTS90033 (fault rules)
    // User sign-in: the sign-in page, authorization codes, refresh tokens and device codes.
    InvalidCredentials,      // AADSTS50126
    RedirectUriMismatch,     // AADSTS50011
    ResponseTypeNotEnabled,  // AADSTS700054
    CodeChallengeMethod,     // AADSTS50149
    InvalidCode,             // AADSTS70000
    CodeRedeemed,            // AADSTS54005
    CodeExpired,             // AADSTS70008
    CodeVerifierMismatch,    // AADSTS501481
    MalformedGrant,          // AADSTS9002313: a refresh token or device code we never issued
    AuthorizationPending,    // AADSTS70016
    DeviceCodeExpired,       // AADSTS70020
    UnknownUserCode,         // the device-code page's "That code didn't work" (no AADSTS number)
    // App Service managed identity (IDENTITY_ENDPOINT); not Entra itself, no AADSTS number.
    IdentityHeaderMismatch,
    UnknownManagedIdentity,
    ManagedIdentityBadRequest,
    // Azure IMDS at 169.254.169.254 (docs/proxy.md); not Entra itself either.
    ImdsMetadataHeaderRequired,
    ImdsIdentityNotFound,
    ImdsBadRequest,
    ImdsNotFound,
    // A path on Entra's hosts that is no endpoint of the fake.
    EndpointNotFound,
};

struct EntraCatalogueEntry {
    EntraErrorId id;
    int aadsts;  // 0: none (managed identity), error_codes is then empty
    int status;
    std::string_view error;                 // the OAuth "error" value
    std::string_view description_template;  // {0}, {1}, ... are replaced by the arguments
};

const std::vector<EntraCatalogueEntry>& entra_error_catalogue();
const EntraCatalogueEntry& entra_catalogue_entry(EntraErrorId id);

// The error as Entra sends it: {error, error_description ("AADSTSn: text\r\nTrace ID: ...\r\n
// Correlation ID: ...\r\nTimestamp: ..."), error_codes, timestamp, trace_id, correlation_id,
// error_uri} with no-store caching headers. The correlation id is the request's
// client-request-id when it sent one.
Response entra_error(EntraErrorId id, std::initializer_list<std::string_view> args,
                     const Request& request, SystemTime now);

// "AADSTSn: text": what a sign-in page shows for the error.
std::string entra_error_text(EntraErrorId id, std::initializer_list<std::string_view> args);

// The same body for an error the catalogue does not hold (a fault rule's): `head` is the
// description's first line; a leading "AADSTSn:" gives error_codes [n].
Response entra_error_with(int status, std::string_view error, std::string_view head,
                          const Request& request, SystemTime now);

// Entra's answer headers (Cache-Control no-store, Pragma, Expires, x-ms-request-id,
// client-request-id echo) on a JSON response.
void add_entra_headers(Response& response, const Request& request, std::string_view trace_id);

}  // namespace logicmock
