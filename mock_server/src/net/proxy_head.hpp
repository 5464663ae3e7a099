#pragma once
// Reading a CONNECT request's head, which the connection loop answers itself (httplib would
// answer it as an ordinary request). RequestScreen has already checked the head's syntax.

#include <string_view>

#include "logicmock/http_types.hpp"

namespace logicmock {

bool is_connect_head(std::string_view head);

// Method, target and headers of a screened head (request line, header lines, empty line).
Request parse_screened_head(std::string_view head);

}  // namespace logicmock
