#include "base_url.hpp"

#include <stdexcept>

namespace logicmock::client {

BaseUrl parse_base_url(std::string_view url) {
    BaseUrl result;
    const auto scheme_end = url.find("://");
    if (scheme_end == std::string_view::npos) {
        throw std::invalid_argument("base URL must start with http:// or https://");
    }
    result.scheme = std::string(url.substr(0, scheme_end));
    if (result.scheme != "http" && result.scheme != "https") {
        throw std::invalid_argument("base URL scheme must be http or https, not '" + result.scheme +
                                    "'");
    }
    std::string_view rest = url.substr(scheme_end + 3);
    const auto path_start = rest.find('/');
    result.authority = std::string(rest.substr(0, path_start));
    if (result.authority.empty()) throw std::invalid_argument("base URL has no host");
    if (result.authority.find('@') != std::string::npos) {
        throw std::invalid_argument("base URL must not contain user information");
    }
    if (path_start != std::string_view::npos) {
        std::string_view path = rest.substr(path_start);
        if (path.find_first_of("?#") != std::string_view::npos) {
            throw std::invalid_argument("base URL must not contain a query or fragment");
        }
        while (!path.empty() && path.back() == '/') path.remove_suffix(1);
        result.path_prefix = std::string(path);
    }
    return result;
}

}  // namespace logicmock::client
