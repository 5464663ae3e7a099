#pragma once
// Every error the fake Entra ID answers with: AADSTS number, HTTP status, OAuth error and the
// description template. The only place Entra error texts live (ARM's are in
// protocol/error_catalogue.cpp); README "Sign in" lists each code.

#include <initializer_list>
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
    // App Service managed identity (IDENTITY_ENDPOINT); not Entra itself, no AADSTS number.
    IdentityHeaderMismatch,
    UnknownManagedIdentity,
    ManagedIdentityBadRequest,
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

// The same body for an error the catalogue does not hold (a fault rule's): `head` is the
// description's first line; a leading "AADSTSn:" gives error_codes [n].
Response entra_error_with(int status, std::string_view error, std::string_view head,
                          const Request& request, SystemTime now);

// Entra's answer headers (Cache-Control no-store, Pragma, Expires, x-ms-request-id,
// client-request-id echo) on a JSON response.
void add_entra_headers(Response& response, const Request& request, std::string_view trace_id);

}  // namespace logicmock
