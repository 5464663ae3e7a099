#pragma once
// Safe parsing and printing of untrusted JSON text.

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <variant>

namespace logicmock {

inline constexpr std::size_t kMaxJsonDepth = 64;

struct JsonParseError {
    std::string message;  // e.g. "Nesting is deeper than 64 levels." or the parser's own words
};

// Parses text; refuses nesting deeper than max_depth before any recursive parsing happens,
// so hostile input cannot exhaust the stack.
std::variant<nlohmann::json, JsonParseError> parse_json(std::string_view text,
                                                        std::size_t max_depth = kMaxJsonDepth);

// Compact JSON; invalid UTF-8 in strings is replaced rather than thrown on.
std::string to_json_text(const nlohmann::json& value);

// Quotes and escapes one string as JSON (invalid UTF-8 replaced).
std::string json_quote(std::string_view text);

}  // namespace logicmock
