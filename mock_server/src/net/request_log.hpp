#pragma once
// One line per request on stderr: method, path (never the query, which may carry a SAS
// signature), status, duration and request id. Headers, and so tokens, are never logged.

#include <string>
#include <string_view>

#include "logicmock/mock_server.hpp"

namespace logicmock {

struct RequestLogEntry {
    std::string_view method;
    std::string_view target;  // the query part is cut off before printing
    int status;
    double duration_ms;
    std::string_view request_id;
    std::string_view remote_addr;
};

// The line (with its newline) as write_request_log prints it; empty for LogFormat::None.
std::string format_request_log_line(LogFormat format, const RequestLogEntry& entry);
void write_request_log(LogFormat format, const RequestLogEntry& entry);

// One line about the server itself (not a request), e.g. a TLS client on an HTTP port.
std::string format_notice_line(LogFormat format, std::string_view message);
void write_notice(LogFormat format, std::string_view message);

}  // namespace logicmock
