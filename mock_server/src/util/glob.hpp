#pragma once
#include <string_view>

namespace logicmock {

// Case-insensitive glob: '*' any run of characters, '?' one character, everything else literal.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace logicmock
