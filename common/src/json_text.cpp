#include "logicmock/json_text.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <vector>

namespace logicmock {
namespace {

// nlohmann's what() is "[json.exception.parse_error.101] parse error at line 1, ..."
std::string parser_words(const std::string& what) {
    auto pos = what.find("] ");
    return pos == std::string::npos ? what : what.substr(pos + 2);
}

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

// Json.NET-style path ("a.b[0]", "['odd key']") of the value being read, kept while a second,
// SAX pass over a text that failed to parse finds where it failed.
class PathTracker : public nlohmann::json_sax<nlohmann::json> {
  public:
    std::string path() const {
        std::string out;
        for (const auto& frame : frames_) {
            if (frame.array) {
                out += "[" + std::to_string(frame.index) + "]";
            } else if (frame.has_key) {
                out += plain_key(frame.key) ? (out.empty() ? "" : ".") + frame.key
                                            : "['" + frame.key + "']";
            }
        }
        return out;
    }
    std::string error;
    std::size_t position = 0;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return push(false); }
    bool key(string_t& name) override {
        frames_.back().key = name;
        frames_.back().has_key = true;
        return true;
    }
    bool end_object() override { return pop(); }
    bool start_array(std::size_t) override { return push(true); }
    bool end_array() override { return pop(); }
    bool parse_error(std::size_t chars_read, const std::string&,
                     const nlohmann::json::exception& e) override {
        position = chars_read;
        error =
            e.id == 406 ? std::string("A JSON number is out of range.") : parser_words(e.what());
        return false;
    }

  private:
    struct Frame {
        bool array = false;
        std::size_t index = 0;
        bool has_key = false;
        std::string key;
    };
    static bool plain_key(const std::string& key) {
        if (key.empty()) return false;
        for (char c : key) {
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '$') return false;
        }
        return true;
    }
    bool value() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
        return true;
    }
    bool push(bool array) {
        Frame frame;
        frame.array = array;
        frames_.push_back(std::move(frame));
        return true;
    }
    bool pop() {
        if (!frames_.empty()) frames_.pop_back();
        return value();
    }
    std::vector<Frame> frames_;
};

}  // namespace

std::variant<nlohmann::json, JsonParseError> parse_json(std::string_view text,
                                                        std::size_t max_depth) {
    if (nesting_depth(text, max_depth) > max_depth) {
        return JsonParseError{"The JSON nesting is deeper than " + std::to_string(max_depth) +
                              " levels."};
    }
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::exception& e) {
        // Every parser failure (syntax, encoding, a number out of range) is the text's fault;
        // a second pass finds where, so the message names the path as Json.NET's do.
        PathTracker tracker;
        nlohmann::json::sax_parse(text.begin(), text.end(), &tracker);
        std::string message = tracker.error.empty() ? parser_words(e.what()) : tracker.error;
        // Json.NET's "line, position": the line number and the column within that line.
        const std::string_view read = text.substr(0, std::min(tracker.position, text.size()));
        const auto line = 1 + std::count(read.begin(), read.end(), '\n');
        const auto line_start = read.rfind('\n');
        const auto column =
            line_start == std::string_view::npos ? read.size() : read.size() - line_start - 1;
        return JsonParseError{message + " Path '" + tracker.path() + "', line " +
                              std::to_string(line) + ", position " + std::to_string(column) + "."};
    }
}

std::string to_json_text(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_quote(std::string_view text) {
    return to_json_text(nlohmann::json(text));
}

}  // namespace logicmock
