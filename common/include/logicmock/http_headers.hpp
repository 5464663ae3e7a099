#pragma once
// HTTP header list shared by the server core and the client: names compare
// case-insensitively, as HTTP requires; order and duplicates are kept.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logicmock {

bool iequals(std::string_view a, std::string_view b);
// ASCII lower case; ARM compares names case-insensitively, so indexes key on this.
std::string ascii_lower(std::string_view text);

class Headers {
  public:
    Headers() = default;
    Headers(std::initializer_list<std::pair<std::string, std::string>> entries);

    void add(std::string name, std::string value);
    void set(std::string name, std::string value);  // replaces every header of that name
    std::optional<std::string_view> get(std::string_view name) const;  // the first one
    bool contains(std::string_view name) const { return get(name).has_value(); }
    std::size_t count(std::string_view name) const;

    auto begin() const { return entries_.begin(); }
    auto end() const { return entries_.end(); }
    std::size_t size() const { return entries_.size(); }

  private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace logicmock
