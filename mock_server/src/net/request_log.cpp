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

void write_request_log(LogFormat format, const RequestLogEntry& entry) {
    if (format == LogFormat::None) return;
    const std::string line = format_request_log_line(format, entry);
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace logicmock
