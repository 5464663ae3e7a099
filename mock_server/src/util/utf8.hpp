#pragma once
// UTF-8 well-formedness (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).

#include <string_view>

namespace logicmock {

bool is_valid_utf8(std::string_view text);

}  // namespace logicmock
