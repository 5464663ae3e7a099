#include "net/proxy_head.hpp"

#include "util/text.hpp"

namespace logicmock {
namespace {

// The next line of head without its CRLF; head moves past it.
std::string_view next_line(std::string_view& head) {
    const auto end = head.find("\r\n");
    std::string_view line = head.substr(0, end);
    head.remove_prefix(end == std::string_view::npos ? head.size() : end + 2);
    return line;
}

}  // namespace

bool is_connect_head(std::string_view head) {
    return head.substr(0, 8) == "CONNECT ";
}

Request parse_screened_head(std::string_view head) {
    Request out;
    std::string_view line = next_line(head);
    const auto first_space = line.find(' ');
    out.method = std::string(line.substr(0, first_space));
    if (first_space != std::string_view::npos) {
        line.remove_prefix(first_space + 1);
        out.target = std::string(line.substr(0, line.find(' ')));
    }
    while (!head.empty()) {
        line = next_line(head);
        if (line.empty()) break;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        out.headers.add(std::string(line.substr(0, colon)),
                        std::string(trim_ows(line.substr(colon + 1))));
    }
    return out;
}

}  // namespace logicmock
