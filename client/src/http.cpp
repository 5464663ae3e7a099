#include "logicmock/client/http.hpp"

#include <algorithm>
#include <cctype>

namespace logicmock::client {
namespace {

bool iequals(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
        return std::tolower(x) == std::tolower(y);
    });
}

}  // namespace

HeaderList::HeaderList(std::initializer_list<std::pair<std::string, std::string>> entries)
    : entries_(entries) {}

void HeaderList::add(std::string name, std::string value) {
    entries_.emplace_back(std::move(name), std::move(value));
}

void HeaderList::set(std::string name, std::string value) {
    std::erase_if(entries_, [&](const auto& entry) { return iequals(entry.first, name); });
    add(std::move(name), std::move(value));
}

std::optional<std::string> HeaderList::get(std::string_view name) const {
    for (const auto& [key, value] : entries_) {
        if (iequals(key, name)) return value;
    }
    return std::nullopt;
}

std::string_view to_string(TransportError::Kind kind) {
    switch (kind) {
        case TransportError::Kind::Connect:
            return "connect";
        case TransportError::Kind::Timeout:
            return "timeout";
        case TransportError::Kind::Tls:
            return "tls";
        case TransportError::Kind::Io:
            return "io";
        case TransportError::Kind::Other:
            break;
    }
    return "other";
}

}  // namespace logicmock::client
