#pragma once
// Builders for the fake Entra ID's tests: token requests against the default seed's tenant and
// principal, and a reader for Entra's error bodies.

#include <nlohmann/json.hpp>
#include <string>

#include "logicmock/http_types.hpp"

namespace logicmock::test {

inline const std::string kTenant = "d6b1e2a4-3c5f-4e7a-8b9c-0d1e2f3a4b5c";
inline const std::string kClientId = "5d4c8d2e-1b7a-4f3e-9c61-0a2b3c4d5e6f";
inline const std::string kObjectId = "9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4";
inline const std::string kSecret = "logicmock-dev-secret";
inline const std::string kArmScope = "https%3A%2F%2Fmanagement.azure.com%2F.default";

// POST {path} with a form body, as MSAL sends it.
Request form_post(const std::string& path, const std::string& body);
// A well-formed client-credentials request to /{tenant}/oauth2/v2.0/token.
Request token_request(const std::string& tenant = kTenant, const std::string& secret = kSecret,
                      const std::string& scope = kArmScope);
Request get(const std::string& target);

// The response is Entra's error: status, error, AADSTS number at the head of the description,
// error_codes, trace and correlation ids, timestamp, no-store caching.
void require_entra_error(const Response& response, int status, const std::string& error,
                         int aadsts);

// The JWT's payload (not verified).
nlohmann::json jwt_claims(const std::string& token);
nlohmann::json jwt_header(const std::string& token);

}  // namespace logicmock::test
