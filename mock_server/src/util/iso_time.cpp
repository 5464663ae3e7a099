#include "util/iso_time.hpp"

#include <cstdio>
#include <limits>

namespace logicmock {
namespace {

constexpr Ticks kTicksPerSecond = 10'000'000;
constexpr Ticks kUnixEpochTicks = 621'355'968'000'000'000;  // 1970-01-01 in .NET ticks

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& year, unsigned& month, unsigned& day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2));
}

bool digits(std::string_view text, std::size_t at, std::size_t count, int& out) {
    if (at + count > text.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

Ticks to_ticks(SystemTime t) {
    auto units =
        std::chrono::duration_cast<std::chrono::duration<Ticks, std::ratio<1, 10'000'000>>>(
            t.time_since_epoch());
    return units.count() + kUnixEpochTicks;
}

SystemTime from_ticks(Ticks ticks) {
    auto units = std::chrono::duration<Ticks, std::ratio<1, 10'000'000>>(ticks - kUnixEpochTicks);
    return SystemTime(std::chrono::duration_cast<SystemTime::duration>(units));
}

std::optional<Ticks> parse_iso8601(std::string_view text) {
    int year, month, day, hour, minute, second;
    if (!digits(text, 0, 4, year) || text.size() < 19 || text[4] != '-' ||
        !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day) ||
        (text[10] != 'T' && text[10] != 't') || !digits(text, 11, 2, hour) || text[13] != ':' ||
        !digits(text, 14, 2, minute) || text[16] != ':' || !digits(text, 17, 2, second)) {
        return std::nullopt;
    }
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) ||
        hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }
    std::size_t at = 19;
    Ticks fraction = 0;
    if (at < text.size() && text[at] == '.') {
        ++at;
        std::size_t used = 0;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            if (used < 7) fraction = fraction * 10 + (text[at] - '0');
            ++used;
            ++at;
        }
        if (used == 0) return std::nullopt;
        for (std::size_t i = used; i < 7; ++i) fraction *= 10;
    }
    Ticks offset_seconds = 0;
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
        ++at;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        int oh, om;
        if (!digits(text, at + 1, 2, oh) || at + 3 >= text.size() || text[at + 3] != ':' ||
            !digits(text, at + 4, 2, om) || oh > 23 || om > 59) {
            return std::nullopt;
        }
        offset_seconds = (text[at] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        at += 6;
    }
    if (at != text.size()) return std::nullopt;
    const std::int64_t days =
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    const Ticks seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset_seconds;
    const Ticks ticks = seconds * kTicksPerSecond + fraction + kUnixEpochTicks;
    if (ticks < 0) return std::nullopt;
    return ticks;
}

std::string format_iso8601(Ticks ticks) {
    const Ticks since_epoch = ticks - kUnixEpochTicks;
    Ticks seconds = since_epoch / kTicksPerSecond;
    Ticks fraction = since_epoch % kTicksPerSecond;
    if (fraction < 0) {
        fraction += kTicksPerSecond;
        --seconds;
    }
    std::int64_t days = seconds / 86400;
    Ticks in_day = seconds % 86400;
    if (in_day < 0) {
        in_day += 86400;
        --days;
    }
    int year;
    unsigned month, day;
    civil_from_days(days, year, month, day);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%07lldZ", year, month, day,
                  static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                  static_cast<int>(in_day % 60), static_cast<long long>(fraction));
    return buffer;
}

std::string reverse_ticks(Ticks ticks) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%020lld",
                  static_cast<long long>(std::numeric_limits<Ticks>::max() - ticks));
    return buffer;
}

}  // namespace logicmock
