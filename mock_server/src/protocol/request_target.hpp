#pragma once
// Splits a raw request target into path segments and query parameters. Each path segment
// is percent-decoded once, after splitting, so "%2F" inside a name stays inside that name.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logicmock {

struct RequestTarget {
    std::vector<std::string> segments;                       // decoded, empty segments dropped
    std::vector<std::pair<std::string, std::string>> query;  // decoded, in order

    // The first value of a query parameter; names compare case-insensitively, as ARM does.
    std::optional<std::string> query_value(std::string_view name) const;
};

RequestTarget parse_request_target(std::string_view target);

std::string percent_decode(std::string_view text, bool plus_is_space);

}  // namespace logicmock
