#include "admin/throttling_admin.hpp"

#include <nlohmann/json.hpp>

#include "logicmock/json_text.hpp"
#include "throttling/throttler.hpp"

namespace logicmock {
namespace {

constexpr std::size_t kMaxSettingsBytes = 4096;

const char* mode_name(ThrottleMode mode) {
    switch (mode) {
        case ThrottleMode::Off:
            return "off";
        case ThrottleMode::Count:
            return "count";
        case ThrottleMode::Enforce:
            return "enforce";
    }
    return "count";
}

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw ThrottlingSettingsError("at " + path + ": " + problem);
}

void apply_limit(BucketLimits& limits, const nlohmann::json& value, const std::string& path) {
    if (!value.is_object()) fail(path, "expected an object {\"size\":N,\"refillPerSecond\":R}");
    for (const auto& [key, v] : value.items()) {
        if (key == "size") {
            if (!v.is_number_integer()) fail(path + ".size", "expected a whole number");
            limits.size = v.get<std::int64_t>();
        } else if (key == "refillPerSecond") {
            if (!v.is_number()) fail(path + ".refillPerSecond", "expected a number");
            limits.refill_per_second = v.get<double>();
        } else {
            fail(path + "." + key, "unknown property; known: size, refillPerSecond");
        }
    }
    if (auto problem = bucket_limits_problem(limits); !problem.empty()) fail(path, problem);
}

void apply_limits(ThrottlingSettings& s, const nlohmann::json& value) {
    if (!value.is_object()) fail("$.limits", "expected an object");
    for (const auto& [key, v] : value.items()) {
        const LimitName* name = nullptr;
        for (const auto& n : limit_names()) {
            if (key == n.json) name = &n;
        }
        if (!name) {
            fail("$.limits." + key,
                 "unknown limit; known: reads, writes, deletes, globalReads, globalWrites, "
                 "globalDeletes");
        }
        apply_limit(limits_of(s.principal, s.global, *name), v, "$.limits." + key);
    }
}

}  // namespace

std::string throttling_json(const Service& service) {
    const Throttler& throttler = service.throttling();
    ThrottlingSettings s = throttler.settings();
    nlohmann::json limits = nlohmann::json::object();
    for (const auto& n : limit_names()) {
        const BucketLimits& l = limits_of(s.principal, s.global, n);
        limits[n.json] = {{"size", l.size}, {"refillPerSecond", l.refill_per_second}};
    }
    nlohmann::json buckets = nlohmann::json::array();
    for (const auto& b : throttler.buckets()) {
        const auto& table = b.scope == BucketScope::Global ? s.global : s.principal;
        buckets.push_back({{"subscription", b.subscription},
                           {"actor", b.actor.empty() ? nlohmann::json() : nlohmann::json(b.actor)},
                           {"operation", operation_class_name(b.operation)},
                           {"scope", b.scope == BucketScope::Global ? "global" : "principal"},
                           {"remaining", b.remaining},
                           {"size", table[static_cast<std::size_t>(b.operation)].size}});
    }
    return to_json_text(nlohmann::json{{"mode", mode_name(s.mode)},
                                       {"limits", limits},
                                       {"maxBuckets", s.max_buckets},
                                       {"bucketCount", buckets.size()},
                                       {"buckets", buckets}});
}

void apply_throttling_settings(Service& service, std::string_view settings_json) {
    if (settings_json.size() > kMaxSettingsBytes) {
        fail("$", "the settings are " + std::to_string(settings_json.size()) +
                      " bytes; the limit is " + std::to_string(kMaxSettingsBytes));
    }
    auto parsed = parse_json(settings_json, 8);
    if (auto* error = std::get_if<JsonParseError>(&parsed)) fail("$", error->message);
    const nlohmann::json& body = std::get<nlohmann::json>(parsed);
    if (!body.is_object()) fail("$", "expected an object");
    Throttler& throttler = service.throttling();
    ThrottlingSettings s = throttler.settings();
    for (const auto& [key, v] : body.items()) {
        if (key == "mode") {
            const std::string mode = v.is_string() ? v.get<std::string>() : "";
            if (mode == "off") {
                s.mode = ThrottleMode::Off;
            } else if (mode == "count") {
                s.mode = ThrottleMode::Count;
            } else if (mode == "enforce") {
                s.mode = ThrottleMode::Enforce;
            } else {
                fail("$.mode", "expected one of 'off', 'count', 'enforce'");
            }
        } else if (key == "limits") {
            apply_limits(s, v);
        } else if (key == "maxBuckets") {
            if (!v.is_number_unsigned() || v.get<std::uint64_t>() < 2 ||
                v.get<std::uint64_t>() > 10'000'000) {
                fail("$.maxBuckets", "expected a whole number from 2 to 10000000");
            }
            s.max_buckets = v.get<std::size_t>();
        } else {
            fail("$." + key, "unknown property; known: mode, limits, maxBuckets");
        }
    }
    throttler.apply(s);
}

}  // namespace logicmock
