#pragma once
// Secrets never reach the journal: bearer tokens, admin tokens, keys and SAS signatures are
// replaced by "REDACTED" before anything is stored.

#include <string>
#include <string_view>

namespace logicmock {

inline constexpr std::string_view kRedacted = "REDACTED";

bool is_secret_header(std::string_view name);
// "Bearer abc" -> "Bearer REDACTED"; any other secret header -> "REDACTED".
std::string redacted_header_value(std::string_view name, std::string_view value);
// "api-version=2019-05-01&sig=abc" -> "api-version=2019-05-01&sig=REDACTED".
std::string redact_query(std::string_view query);
// Secret-named properties of a JSON body, and sig=... inside any text; in a form body
// (client_secret=..., client_assertion=...), secret-named parameters.
std::string redact_body(std::string_view body);

}  // namespace logicmock
