#pragma once
// Splits the configured base URL into what the HTTP library and the request target need.

#include <string>
#include <string_view>

namespace logicmock::client {

struct BaseUrl {
    std::string scheme;       // "http" or "https"
    std::string authority;    // "host", "host:port" or "[v6]:port"
    std::string path_prefix;  // "" or "/prefix" without a trailing slash
    std::string host;         // without IPv6 brackets
    int port = 0;             // the explicit port, else 443 (https) or 80 (http)

    std::string origin() const { return scheme + "://" + authority; }
};

// Throws std::invalid_argument naming what is wrong (never echoing user info or a query).
BaseUrl parse_base_url(std::string_view url);

}  // namespace logicmock::client
