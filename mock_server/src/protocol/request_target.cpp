#include "protocol/request_target.hpp"

#include "logicmock/http_types.hpp"

namespace logicmock {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

template <typename Fn>
void split(std::string_view text, char separator, Fn&& each) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(separator, start);
        if (end == std::string_view::npos) end = text.size();
        each(text.substr(start, end - start));
        start = end + 1;
    }
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '%' && i + 2 < text.size()) {
            int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += (plus_is_space && c == '+') ? ' ' : c;
    }
    return out;
}

RequestTarget parse_request_target(std::string_view target) {
    RequestTarget result;
    std::string_view path = target, query;
    if (auto q = target.find('?'); q != std::string_view::npos) {
        path = target.substr(0, q);
        query = target.substr(q + 1);
    }
    if (auto hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
    split(path, '/', [&](std::string_view segment) {
        if (!segment.empty()) result.segments.push_back(percent_decode(segment, false));
    });
    if (!query.empty()) {
        split(query, '&', [&](std::string_view pair) {
            if (pair.empty()) return;
            auto eq = pair.find('=');
            std::string_view name = pair.substr(0, eq);
            std::string_view value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
            result.query.emplace_back(percent_decode(name, true), percent_decode(value, true));
        });
    }
    return result;
}

std::optional<std::string> RequestTarget::query_value(std::string_view name) const {
    for (const auto& [key, value] : query) {
        if (iequals(key, name)) return value;
    }
    return std::nullopt;
}

}  // namespace logicmock
