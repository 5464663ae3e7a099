#include "protocol/route_types.hpp"

namespace logicmock {

std::string_view route_provider(const RouteSpec& route) {
    for (std::size_t i = 0; i + 1 < route.pattern.size(); ++i) {
        const std::string_view next = route.pattern[i + 1];
        if (route.pattern[i] == "providers" && !next.empty() && next.front() != '{') return next;
    }
    return {};
}

}  // namespace logicmock
