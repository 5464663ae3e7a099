#pragma once
// The WorkflowTriggerCallbackUrl answer of every listCallbackUrl, Consumption's and Standard's.

#include <string_view>

#include "logicmock/http_types.hpp"
#include "runtime/callback_signature.hpp"

namespace logicmock {

// 200 with value (url_base + "?api-version=…[&se=…]&sp=…&sv=…&sig=…"), method POST, basePath,
// queries and no relative path parameters. url_base and base_path differ only where Azure's value
// names the port and its basePath does not (Standard's https://{host}:443 form).
Response callback_url_response(std::string_view url_base, std::string_view base_path,
                               std::string_view api_version, const SignedFields& fields,
                               std::string_view sig);

}  // namespace logicmock
