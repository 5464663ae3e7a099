#pragma once
// A parsed fault rule: what it matches, what it does, how often. Parsing checks the JSON against
// schemas/fault-rules.schema.json, then what a schema cannot say (one action, delay bounds, an
// error body that passes the ErrorResponse schema).

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "logicmock/faults.hpp"
#include "logicmock/http_types.hpp"

namespace logicmock {

struct FaultMatch {  // empty string: any
    std::string operation, method, subscription, resource_group, workflow, key_type;
    std::string provider, site;  // "Microsoft.Web" / a site: Logic Apps Standard routes
    std::string header_name, header_value;
};

struct FaultAction {
    std::string preset;  // a name from fault_presets, or ""
    std::optional<int> retry_after;
    std::optional<int> error_status;  // a custom ErrorResponse when set
    std::string error_body;           // its body, compact JSON, already schema-checked
    Headers error_headers;
    std::optional<TransportFault> transport;
    int delay_min_ms = 0, delay_max_ms = 0;

    bool answers_with_error() const { return !preset.empty() || error_status.has_value(); }
    std::string label() const;  // "preset:Throttled", "error:409", "transport:reset", "delay"
};

struct FaultRule {
    std::string name;
    FaultMatch match;
    FaultAction action;
    std::optional<std::uint64_t> times;
    std::uint64_t after = 0;
    double probability = 1.0;
    std::optional<std::uint64_t> seed;  // empty: chosen at random when the rule is added
    int priority = 0;
    std::string json;  // the rule as given, compact
};

// Throws FaultRuleError("<origin>: at <json path>: <problem>").
FaultRule parse_fault_rule(const nlohmann::json& rule, const std::string& origin,
                           const std::string& path = "");
FaultAction parse_fault_action(const nlohmann::json& action, const std::string& origin,
                               const std::string& path = "");

}  // namespace logicmock

namespace logicmock {
struct FaultRuleList {
    std::vector<FaultRule> rules;
};
}  // namespace logicmock
