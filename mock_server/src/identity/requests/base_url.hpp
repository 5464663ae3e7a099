#pragma once
// This server's base URL as the client reached it: the scheme of the listener the Host header's
// port belongs to, and the Host header itself (so "localhost" stays "localhost"). Discovery
// documents point back at it; --auth entra accepts it as a token audience.

#include <string>

#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"

namespace logicmock {

std::string request_base_url(const Request& request, const ServiceOptions& options);

}  // namespace logicmock
