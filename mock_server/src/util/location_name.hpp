#pragma once
#include <string>
#include <string_view>

namespace logicmock {

// ARM compares locations without case and spaces: "West US 2" is "westus2".
std::string normalized_location(std::string_view location);

}  // namespace logicmock
