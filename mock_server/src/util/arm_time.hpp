#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace logicmock {

using SystemTime = std::chrono::system_clock::time_point;

std::string http_date(SystemTime t);          // "Fri, 27 Nov 2026 03:16:34 GMT" (RFC 1123)
std::string routing_timestamp(SystemTime t);  // "20261127T031634Z"
std::string arm_expiry_time(SystemTime t);    // "11/27/2026 3:16:34 AM", as ARM prints token times

// Seconds since 1970, as JWT claims (iat, nbf, exp) count them.
inline std::int64_t unix_seconds(SystemTime t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace logicmock
