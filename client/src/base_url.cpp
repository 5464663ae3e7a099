#include "base_url.hpp"

#include <charconv>
#include <stdexcept>

namespace logicmock::client {
namespace {

// Fills host and port from the authority ("host", "host:port", "[v6]:port").
void split_authority(BaseUrl& url) {
    std::string_view authority = url.authority;
    std::string_view port;
    if (authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos)
            throw std::invalid_argument("base URL has an unclosed '['");
        url.host = std::string(authority.substr(1, close - 1));
        std::string_view after = authority.substr(close + 1);
        if (!after.empty() && after.front() != ':') {
            throw std::invalid_argument("base URL has a malformed host");
        }
        if (!after.empty()) port = after.substr(1);
    } else {
        const auto colon = authority.find(':');
        url.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    }
    if (url.host.empty()) throw std::invalid_argument("base URL has no host");
    url.port = url.scheme == "https" ? 443 : 80;
    if (!port.empty()) {
        int value = 0;
        auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc{} || end != port.data() + port.size() || value < 1 || value > 65535) {
            throw std::invalid_argument("base URL port must be a number from 1 to 65535");
        }
        url.port = value;
    }
}

}  // namespace

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
    split_authority(result);
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
