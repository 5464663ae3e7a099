#include "util/arm_time.hpp"

#include <ctime>

namespace logicmock {
namespace {

std::tm utc(SystemTime t) {
    std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    return tm;
}

std::string format(SystemTime t, const char* pattern) {
    std::tm tm = utc(t);
    char buffer[64];
    std::size_t n = std::strftime(buffer, sizeof buffer, pattern, &tm);
    return std::string(buffer, n);
}

}  // namespace

std::string http_date(SystemTime t) {
    return format(t, "%a, %d %b %Y %H:%M:%S GMT");
}

std::string routing_timestamp(SystemTime t) {
    return format(t, "%Y%m%dT%H%M%SZ");
}

std::string arm_expiry_time(SystemTime t) {
    std::tm tm = utc(t);
    int hour12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%d/%d/%d %d:%02d:%02d %s", tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_year + 1900, hour12, tm.tm_min, tm.tm_sec, tm.tm_hour < 12 ? "AM" : "PM");
    return buffer;
}

}  // namespace logicmock
