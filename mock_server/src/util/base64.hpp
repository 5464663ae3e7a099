#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace logicmock {

// Standard (RFC 4648 §4) or URL-safe (§5) alphabet; padding optional when decoding.
enum class Base64Alphabet { Standard, Url };

std::optional<std::string> base64_decode(std::string_view text, Base64Alphabet alphabet);
std::string base64_encode(std::string_view bytes, Base64Alphabet alphabet, bool pad);

}  // namespace logicmock
