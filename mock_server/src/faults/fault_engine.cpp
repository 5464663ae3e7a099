#include "faults/fault_engine.hpp"

#include <algorithm>
#include <cstring>

#include "util/glob.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

std::uint64_t random_seed() {
    AccessKey bytes = random_access_key();
    std::uint64_t seed = 0;
    std::memcpy(&seed, bytes.data(), sizeof seed);
    return seed >> 1;  // non-negative as a JSON integer, so the listing can be pasted back
}

bool field_matches(const std::string& pattern, std::string_view value) {
    return pattern.empty() || glob_match(pattern, value);
}

bool rule_matches(const FaultMatch& m, const FaultRequestView& r) {
    if (!m.operation.empty() && !operation_matches(m.operation, r.route.route->operation_id)) {
        return false;
    }
    const PathParams& p = r.route.params;
    if (!field_matches(m.method, r.method) || !field_matches(m.subscription, p.subscription_id) ||
        !field_matches(m.resource_group, p.resource_group) ||
        !field_matches(m.workflow, p.workflow) || !field_matches(m.site, p.site) ||
        !field_matches(m.provider, route_provider(*r.route.route))) {
        return false;
    }
    if (!m.header_name.empty()) {
        auto value = r.headers.get(m.header_name);
        if (!value || !field_matches(m.header_value, *value)) return false;
    }
    if (!m.key_type.empty()) {
        auto key_type = r.key_type();
        if (!key_type || !glob_match(m.key_type, *key_type)) return false;
    }
    return true;
}

}  // namespace

std::string short_operation_name(std::string_view operation_id) {
    auto underscore = operation_id.rfind('_');
    std::string name(underscore == std::string_view::npos ? operation_id
                                                          : operation_id.substr(underscore + 1));
    if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z')
        name[0] = static_cast<char>(name[0] + 32);
    return name;
}

bool operation_matches(std::string_view pattern, std::string_view operation_id) {
    return glob_match(pattern, operation_id) ||
           glob_match(pattern, short_operation_name(operation_id));
}

double unit_draw(std::mt19937_64& random) {
    return static_cast<double>(random() >> 11) * 0x1.0p-53;
}

int delay_draw(std::mt19937_64& random, int min_ms, int max_ms) {
    if (max_ms <= min_ms) return min_ms;
    const auto span = static_cast<std::uint64_t>(max_ms - min_ms) + 1;
    return min_ms + static_cast<int>(random() % span);
}

FaultEngine::FaultEngine(std::shared_ptr<const FaultRuleList> startup)
    : startup_(std::move(startup)) {
    reset();
}

std::string FaultEngine::add_locked(FaultRule rule) {
    if (rules_.size() >= kMaxFaultRules) {
        throw TooManyFaultRules("at most " + std::to_string(kMaxFaultRules) +
                                " fault rules can be active at once");
    }
    const std::uint64_t seed = rule.seed ? *rule.seed : random_seed();
    std::string id = "fault-" + std::to_string(next_id_++);
    rules_.push_back(Active{id, std::move(rule), seed, std::mt19937_64(seed), 0, 0});
    return id;
}

std::string FaultEngine::add(FaultRule rule) {
    std::lock_guard lock(mutex_);
    return add_locked(std::move(rule));
}

bool FaultEngine::remove(const std::string& id) {
    std::lock_guard lock(mutex_);
    return std::erase_if(rules_, [&](const Active& a) { return a.id == id; }) > 0;
}

void FaultEngine::clear() {
    std::lock_guard lock(mutex_);
    rules_.clear();
}

void FaultEngine::reset() {
    std::lock_guard lock(mutex_);
    rules_.clear();
    if (!startup_) return;
    for (const auto& rule : startup_->rules) add_locked(rule);
}

std::vector<FaultRuleStatus> FaultEngine::list() const {
    std::lock_guard lock(mutex_);
    std::vector<FaultRuleStatus> out;
    for (const auto& a : rules_) out.push_back({a.id, a.rule.json, a.seed, a.matched, a.fired});
    return out;
}

std::optional<FaultFiring> FaultEngine::decide(const FaultRequestView& request) {
    std::lock_guard lock(mutex_);
    Active* winner = nullptr;
    for (auto& a : rules_) {
        if (!rule_matches(a.rule.match, request)) continue;
        ++a.matched;
        if (a.matched <= a.rule.after) continue;
        if (a.rule.times && a.fired >= *a.rule.times) continue;
        // Every rule inside its window draws once per matching request, so its hits depend
        // only on its seed and the requests it matched, not on the other rules.
        if (a.rule.probability < 1.0 && unit_draw(a.random) >= a.rule.probability) continue;
        if (!winner || a.rule.priority > winner->rule.priority) winner = &a;
    }
    if (!winner) return std::nullopt;
    ++winner->fired;
    const FaultAction& action = winner->rule.action;
    return FaultFiring{winner->id, action,
                       delay_draw(winner->random, action.delay_min_ms, action.delay_max_ms)};
}

}  // namespace logicmock
