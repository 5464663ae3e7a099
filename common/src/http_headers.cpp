#include "logicmock/http_headers.hpp"

#include <algorithm>

namespace logicmock {

bool iequals(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

Headers::Headers(std::initializer_list<std::pair<std::string, std::string>> entries)
    : entries_(entries) {}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
}

void Headers::add(std::string name, std::string value) {
    entries_.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string name, std::string value) {
    std::erase_if(entries_, [&](const auto& e) { return iequals(e.first, name); });
    entries_.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
    for (const auto& [key, value] : entries_) {
        if (iequals(key, name)) return std::string_view(value);
    }
    return std::nullopt;
}

std::size_t Headers::count(std::string_view name) const {
    return static_cast<std::size_t>(std::count_if(
        entries_.begin(), entries_.end(), [&](const auto& e) { return iequals(e.first, name); }));
}

}  // namespace logicmock
