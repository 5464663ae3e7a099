#pragma once
// The /_mock/ admin API, transport-free: fault rules, the request journal and reset.
// Admin calls are never journaled and never hit by fault rules. See docs/journal-and-admin.md.

#include <string>
#include <string_view>

#include "logicmock/http_types.hpp"
#include "logicmock/service.hpp"

namespace logicmock {

bool is_admin_target(std::string_view target);  // "/_mock/..." (health included)

Response handle_admin(Service& service, const Request& request);

// The parts MockAdmin shares with the HTTP API.
std::string add_fault_rule(Service& service, std::string_view rule_json);  // FaultRuleError
std::string fault_rules_json(const Service& service);
void reset_service(Service& service);

}  // namespace logicmock
