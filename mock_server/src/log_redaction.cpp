#include "log_redaction.hpp"

#include "logicmock/http_types.hpp"

namespace logicmock {

std::string redact_sas(std::string_view target) {
    const auto q = target.find('?');
    if (q == std::string_view::npos) return std::string(target);
    std::string out(target.substr(0, q + 1));
    std::string_view query = target.substr(q + 1);
    bool first = true;
    while (true) {
        const auto end = query.find('&');
        std::string_view pair = query.substr(0, end);
        const auto eq = pair.find('=');
        if (!first) out += '&';
        first = false;
        if (eq != std::string_view::npos && iequals(pair.substr(0, eq), "sig")) {
            out += std::string(pair.substr(0, eq)) + "=REDACTED";
        } else {
            out += pair;
        }
        if (end == std::string_view::npos) break;
        query.remove_prefix(end + 1);
    }
    return out;
}

}  // namespace logicmock
