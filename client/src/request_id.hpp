#pragma once
#include <random>
#include <string>

namespace logicmock::client {

// A random (version 4) GUID in lower-case 8-4-4-4-12 form.
std::string new_request_id(std::mt19937_64& engine);

}  // namespace logicmock::client
