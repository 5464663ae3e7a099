#pragma once
// Stage 1: the ARM routes this fake serves: one table, matched segment by segment. Literal segments
// (provider namespace, resource type, action) compare case-insensitively, as ARM does.

#include <string_view>
#include <vector>

#include "protocol/route_types.hpp"

namespace logicmock {

const std::vector<RouteSpec>& route_table();
RouteResult match_route(std::string_view method, const std::vector<std::string>& segments);

}  // namespace logicmock
