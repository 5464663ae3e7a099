#include "util/location_name.hpp"

namespace logicmock {

std::string normalized_location(std::string_view location) {
    std::string out;
    for (char c : location) {
        if (c == ' ') continue;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return out;
}

}  // namespace logicmock
