#pragma once
// Fault rules: make the fake fail on purpose. Rules come from a --faults file (JSON validated by
// schemas/fault-rules.schema.json), from POST /_mock/faults, or from MockAdmin; one request can
// also carry its own fault in the x-mock-fault header. See docs/making-it-fail.md.

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

namespace logicmock {

// Parsed, validated rules (opaque; the pipeline reads them).
struct FaultRuleList;

// A rule or rule file that cannot be used; what() names the origin, the JSON path and the
// problem, e.g. "fault file 'f.json': at $.rules[0].action.preset: The value ...".
class FaultRuleError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxFaultRules = 256;
inline constexpr std::size_t kMaxFaultRuleBytes = 16 * 1024;  // one rule as compact JSON

std::shared_ptr<const FaultRuleList> load_fault_file(const std::string& path);  // FaultRuleError
std::shared_ptr<const FaultRuleList> parse_fault_rules(const std::string& json_text,
                                                       const std::string& origin);

}  // namespace logicmock
