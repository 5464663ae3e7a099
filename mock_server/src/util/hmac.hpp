#pragma once
// HMAC-SHA256 as the fake's signatures use it: base64url without padding (43 characters).

#include <string>
#include <string_view>

namespace logicmock {

std::string hmac_sha256_base64url(std::string_view key, std::string_view message);

}  // namespace logicmock
