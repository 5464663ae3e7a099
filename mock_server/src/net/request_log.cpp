#include "net/request_log.hpp"

#include <cstdio>
#include <mutex>

#include "logicmock/json_text.hpp"

namespace logicmock {

std::string format_request_log_line(LogFormat format, const RequestLogEntry& entry) {
    if (format == LogFormat::None) return {};
    std::string_view path = entry.target.substr(0, entry.target.find('?'));
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3f", entry.duration_ms);
    std::string line;
    if (format == LogFormat::Json) {
        line = "{\"event\":\"request\",\"method\":" + json_quote(entry.method) +
               ",\"path\":" + json_quote(path) + ",\"status\":" + std::to_string(entry.status) +
               ",\"durationMs\":" + duration + ",\"requestId\":" + json_quote(entry.request_id) +
               ",\"remote\":" + json_quote(entry.remote_addr) + "}\n";
    } else {
        line = std::string(entry.method) + " " + std::string(path) + " " +
               std::to_string(entry.status) + " " + duration + "ms " +
               std::string(entry.request_id) + "\n";
    }
    return line;
}

namespace {

void write_line(const std::string& line) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace

void write_request_log(LogFormat format, const RequestLogEntry& entry) {
    if (format != LogFormat::None) write_line(format_request_log_line(format, entry));
}

std::string format_notice_line(LogFormat format, std::string_view message) {
    if (format == LogFormat::None) return {};
    if (format == LogFormat::Json) {
        return "{\"event\":\"notice\",\"message\":" + json_quote(message) + "}\n";
    }
    return std::string(message) + "\n";
}

void write_notice(LogFormat format, std::string_view message) {
    if (format != LogFormat::None) write_line(format_notice_line(format, message));
}

}  // namespace logicmock
