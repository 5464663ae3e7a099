#include "identity/requests/form_body.hpp"

#include <cctype>

#include "protocol/request_target.hpp"
#include "util/utf8.hpp"

namespace logicmock {
namespace {

bool well_encoded(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') continue;
        if (i + 2 >= text.size()) return false;
        if (!std::isxdigit(static_cast<unsigned char>(text[i + 1])) ||
            !std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
            return false;
        }
        i += 2;
    }
    return true;
}

}  // namespace

FormBody parse_form_body(std::string_view body) {
    FormBody form;
    std::size_t start = 0;
    while (start < body.size()) {
        std::size_t end = body.find('&', start);
        if (end == std::string_view::npos) end = body.size();
        const std::string_view pair = body.substr(start, end - start);
        start = end + 1;
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        const std::string_view raw_name = pair.substr(0, eq);
        const std::string_view raw_value =
            eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
        const std::string name = percent_decode(raw_name, true);
        std::string value = percent_decode(raw_value, true);
        // Entra reads parameters as UTF-8: bytes that are not are a bad parameter, not a token.
        if (!well_encoded(raw_name) || !well_encoded(raw_value) || !is_valid_utf8(name) ||
            !is_valid_utf8(value)) {
            if (form.invalid.empty()) form.invalid = name;
            continue;
        }
        if (!form.fields.emplace(name, std::move(value)).second && form.invalid.empty()) {
            form.invalid = name;
        }
    }
    return form;
}

}  // namespace logicmock
