#pragma once
// ISO 8601 times as Logic Apps prints them ("2018-04-19T16:00:00.0000000Z") and .NET ticks
// (100 ns units since 0001-01-01T00:00:00Z), which cover years 1 to 9999 without overflow.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/arm_time.hpp"

namespace logicmock {

using Ticks = std::int64_t;

Ticks to_ticks(SystemTime t);
SystemTime from_ticks(Ticks ticks);  // only for years 1678..2261 (std::chrono range)

// "YYYY-MM-DDThh:mm:ss[.f…](Z|±hh:mm)"; a missing offset means UTC. nullopt when malformed.
std::optional<Ticks> parse_iso8601(std::string_view text);

// Seven fractional digits and a Z, the form of the published examples.
std::string format_iso8601(Ticks ticks);

// The workflow version / run id stem Logic prints: Int64.MaxValue minus the ticks, 20 digits.
std::string reverse_ticks(Ticks ticks);

}  // namespace logicmock
