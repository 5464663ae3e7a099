#include "journal/redaction.hpp"

#include <nlohmann/json.hpp>

#include "logicmock/http_types.hpp"
#include "logicmock/json_text.hpp"
#include "protocol/request_target.hpp"

namespace logicmock {
namespace {

bool contains_any(const std::string& text, std::initializer_list<std::string_view> parts) {
    for (auto part : parts) {
        if (text.find(part) != std::string::npos) return true;
    }
    return false;
}

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Names that hold secrets wherever they appear (header, query parameter, JSON property).
bool is_secret_name(std::string_view name) {
    const std::string n = ascii_lower(name);
    // The sign-in forms' fields too: passwd, code_verifier, device_code, otc (the user code).
    return n == "sig" || n == "code" || n == "key" || n == "passwd" || n == "otc" ||
           n == "code_verifier" || ends_with(n, "_code") || ends_with(n, "key") ||
           ends_with(n, "-key") ||
           contains_any(n, {"token", "secret", "password", "signature", "assertion"});
}

// A token request's application/x-www-form-urlencoded body rather than JSON.
bool looks_like_form(std::string_view body) {
    const auto first = body.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && body[first] != '{' && body[first] != '[' &&
           body.find('=') != std::string_view::npos;
}

// Replaces the value of every sig= parameter inside free text (URLs in bodies).
std::string redact_signatures(const std::string& text) {
    const std::string folded = ascii_lower(text);
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t at = folded.find("sig=", i);
        if (at == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        const bool starts_parameter = at == 0 || text[at - 1] == '?' || text[at - 1] == '&';
        out.append(text, i, at + 4 - i);
        i = at + 4;
        if (!starts_parameter) continue;
        while (i < text.size() && text[i] != '&' && text[i] != '"' && text[i] != ' ' &&
               text[i] != '\\') {
            ++i;
        }
        out += kRedacted;
    }
    return out;
}

// Whether a JSON property name that is_secret_name() accepts could occur in the text: such a
// name ends in "key", "sig" or "code", or holds "token", "secret", "password" or "signature".
bool may_hold_secret_property(const std::string& folded) {
    return contains_any(folded, {"key\"", "sig\"", "code\"", "token", "secret", "password",
                                 "signature", "assertion", "passwd", "otc", "code_verifier"});
}

// Returns whether anything was replaced.
bool redact_json(nlohmann::json& value, int depth) {
    bool changed = false;
    if (depth > 32) return changed;
    if (value.is_object()) {
        for (auto& [name, item] : value.items()) {
            if (is_secret_name(name)) {
                item = std::string(kRedacted);
                changed = true;
            } else {
                changed = redact_json(item, depth + 1) || changed;
            }
        }
    } else if (value.is_array()) {
        for (auto& item : value) changed = redact_json(item, depth + 1) || changed;
    }
    return changed;
}

}  // namespace

bool is_secret_header(std::string_view name) {
    const std::string n = ascii_lower(name);
    return n == "authorization" || n == "proxy-authorization" || n == "cookie" ||
           n == "set-cookie" || n == "x-ms-authorization-auxiliary" || is_secret_name(n);
}

std::string redacted_header_value(std::string_view name, std::string_view value) {
    if (!is_secret_header(name)) return std::string(value);
    if (iequals(name, "authorization") || iequals(name, "proxy-authorization")) {
        auto space = value.find(' ');
        if (space != std::string_view::npos && space > 0 && space < 32) {
            return std::string(value.substr(0, space + 1)) + std::string(kRedacted);
        }
    }
    return std::string(kRedacted);
}

std::string redact_query(std::string_view query) {
    std::string out;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        std::string_view pair = query.substr(start, end - start);
        if (!out.empty() || start > 0) out += '&';
        auto eq = pair.find('=');
        std::string name = percent_decode(pair.substr(0, eq), true);
        if (eq != std::string_view::npos && is_secret_name(name)) {
            out += std::string(pair.substr(0, eq + 1)) + std::string(kRedacted);
        } else {
            out += pair;
        }
        start = end + 1;
    }
    return out;
}

std::string redact_body(std::string_view body) {
    if (looks_like_form(body)) return redact_signatures(redact_query(body));  // client_secret=
    std::string out(body);
    if (!may_hold_secret_property(ascii_lower(body))) return redact_signatures(out);
    // Re-serialised only when a property was replaced, so an innocent body stays byte for byte.
    auto parsed = parse_json(body, 32);
    if (auto* json = std::get_if<nlohmann::json>(&parsed); json && redact_json(*json, 0)) {
        out = to_json_text(*json);
    }
    return redact_signatures(out);
}

}  // namespace logicmock
