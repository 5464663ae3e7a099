#pragma once
// /_mock/throttling: read the buckets and settings, change them at run time, refill them.
// MockAdmin calls the same functions.

#include <string>
#include <string_view>

#include "logicmock/service.hpp"
#include "logicmock/throttling.hpp"

namespace logicmock {

// {"mode":..,"limits":{"reads":{"size":..,"refillPerSecond":..},..},"maxBuckets":..,
//  "bucketCount":..,"buckets":[{"subscription","actor","operation","scope","remaining","size"}]}
std::string throttling_json(const Service& service);
// A partial settings object ({"mode":"enforce","limits":{"writes":{"size":5}}}); throws
// ThrottlingSettingsError naming the JSON path when it is invalid, and then changes nothing.
void apply_throttling_settings(Service& service, std::string_view settings_json);

}  // namespace logicmock
