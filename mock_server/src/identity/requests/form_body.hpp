#pragma once
// application/x-www-form-urlencoded bodies of token requests, read strictly: a parameter sent
// twice, a broken percent escape or bytes that are not UTF-8 are reported by name instead of
// being guessed at.

#include <map>
#include <string>
#include <string_view>

namespace logicmock {

struct FormBody {
    std::map<std::string, std::string> fields;  // decoded names and values
    std::string invalid;  // the first repeated or badly encoded parameter; "" when none

    // The value, or nullopt when absent; an empty value counts as absent, as Entra treats it.
    const std::string* get(const std::string& name) const {
        auto it = fields.find(name);
        return it == fields.end() || it->second.empty() ? nullptr : &it->second;
    }
    // The value, or "" when absent.
    std::string value(const std::string& name) const {
        const std::string* found = get(name);
        return found ? *found : std::string();
    }
};

FormBody parse_form_body(std::string_view body);

}  // namespace logicmock
