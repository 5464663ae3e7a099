#pragma once
// Small text checks several layers share.

#include <string_view>

namespace logicmock {

// "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in hex digits of either case.
bool is_guid(std::string_view text);

// Without the spaces and tabs HTTP allows around header values (OWS).
std::string_view trim_ows(std::string_view text);

}  // namespace logicmock
