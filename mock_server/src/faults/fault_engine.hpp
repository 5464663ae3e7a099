#pragma once
// The active fault rules and their counters. decide() picks, for one request, the rule that
// fires: among the rules that match and are inside their after/times window and win their
// probability draw, the highest priority (ties: the rule added first). Thread-safe.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "faults/fault_rule.hpp"
#include "protocol/route_types.hpp"

namespace logicmock {

class TooManyFaultRules : public FaultRuleError {
  public:
    using FaultRuleError::FaultRuleError;
};

// What a rule may look at in a request.
struct FaultRequestView {
    std::string_view method;
    const RouteMatch& route;
    const Headers& headers;
    std::function<std::optional<std::string>()> key_type;  // lazy: parses the body on demand
};

struct FaultFiring {
    std::string rule_id;
    FaultAction action;
    int delay_ms = 0;
};

struct FaultRuleStatus {
    std::string id;
    std::string json;  // the rule as given
    std::uint64_t seed = 0;
    std::uint64_t matched = 0;  // matching requests seen
    std::uint64_t fired = 0;
};

class FaultEngine {
  public:
    explicit FaultEngine(std::shared_ptr<const FaultRuleList> startup = nullptr);

    std::string add(FaultRule rule);  // throws TooManyFaultRules when kMaxFaultRules are active
    bool remove(const std::string& id);
    void clear();
    void reset();  // the start-up rules again, counters at zero
    std::vector<FaultRuleStatus> list() const;

    std::optional<FaultFiring> decide(const FaultRequestView& request);

  private:
    struct Active {
        std::string id;
        FaultRule rule;
        std::uint64_t seed;
        std::mt19937_64 random;
        std::uint64_t matched = 0;
        std::uint64_t fired = 0;
    };
    std::string add_locked(FaultRule rule);

    mutable std::mutex mutex_;
    std::vector<Active> rules_;  // in the order added
    std::uint64_t next_id_ = 1;
    std::shared_ptr<const FaultRuleList> startup_;
};

// The short operation name a rule matches: "Workflows_RegenerateAccessKey" ->
// "regenerateAccessKey".
std::string short_operation_name(std::string_view operation_id);
bool operation_matches(std::string_view pattern, std::string_view operation_id);

// A uniform draw in [0, 1) from 53 bits: the same on every platform, unlike the std
// distributions.
double unit_draw(std::mt19937_64& random);
int delay_draw(std::mt19937_64& random, int min_ms, int max_ms);

}  // namespace logicmock
