#pragma once
#include <string>
#include <string_view>

namespace logicmock {

// The request target with the value of every "sig" query parameter replaced by "REDACTED":
// a callback URL's signature is a credential and must not reach logs.
std::string redact_sas(std::string_view target);

}  // namespace logicmock
