#pragma once
// Transport-free HTTP request and response: what the pipeline reads and writes.
// The httplib adapter converts to and from these; unit tests build them directly.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace logicmock {

// Header names compare case-insensitively, as HTTP requires; order is kept.
class Headers {
  public:
    void add(std::string name, std::string value);
    void set(std::string name, std::string value);  // replaces every header of that name
    std::optional<std::string_view> get(std::string_view name) const;
    bool contains(std::string_view name) const { return get(name).has_value(); }
    std::size_t count(std::string_view name) const;

    auto begin() const { return entries_.begin(); }
    auto end() const { return entries_.end(); }
    std::size_t size() const { return entries_.size(); }

  private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

struct Request {
    std::string method;  // "POST"
    std::string target;  // raw request target: path plus optional "?query", still percent-encoded
    Headers headers;
    std::string body;
};

struct Response {
    int status = 200;
    Headers headers;
    std::string body;
};

bool iequals(std::string_view a, std::string_view b);

}  // namespace logicmock
