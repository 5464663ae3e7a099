#include "logicmock/json_text.hpp"

#include <nlohmann/json.hpp>

namespace logicmock {
namespace {

// Deepest bracket nesting outside string literals; stops counting once past the limit.
std::size_t nesting_depth(std::string_view text, std::size_t limit) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) deepest = depth;
            if (deepest > limit) return deepest;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

}  // namespace

std::variant<nlohmann::json, JsonParseError> parse_json(std::string_view text,
                                                        std::size_t max_depth) {
    if (nesting_depth(text, max_depth) > max_depth) {
        return JsonParseError{"The JSON nesting is deeper than " + std::to_string(max_depth) +
                              " levels."};
    }
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        // nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, ..."
        std::string what = e.what();
        auto pos = what.find("] ");
        return JsonParseError{pos == std::string::npos ? what : what.substr(pos + 2)};
    }
}

std::string to_json_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_quote(std::string_view text) {
    return to_json_text(nlohmann::json(text));
}

}  // namespace logicmock
