#include "identity/requests/base_url.hpp"

namespace logicmock {
namespace {

bool plausible_host(std::string_view host) {
    if (host.empty() || host.size() > 255) return false;
    for (char c : host) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' || c == '[' ||
                        c == ']';
        if (!ok) return false;
    }
    return true;
}

std::string_view port_of_host(std::string_view host) {
    const auto colon = host.rfind(':');
    if (colon == std::string_view::npos || host.find(']', colon) != std::string_view::npos) {
        return {};
    }
    return host.substr(colon + 1);
}

std::string_view port_of_url(std::string_view url) {
    const auto scheme = url.find("://");
    return port_of_host(scheme == std::string_view::npos ? url : url.substr(scheme + 3));
}

}  // namespace

std::string request_base_url(const Request& request, const ServiceOptions& options) {
    if (request.proxied) {  // the Azure host the client addressed through the proxy
        const auto& to = *request.proxied;
        const bool default_port = to.port == (to.scheme == "https" ? 443 : 80);
        return to.scheme + "://" + to.host + (default_port ? "" : ":" + std::to_string(to.port));
    }
    auto host = request.headers.get("Host");
    if (!host || !plausible_host(*host)) {
        return options.self_base_url.empty() ? "http://127.0.0.1" : options.self_base_url;
    }
    const std::string_view port = port_of_host(*host);
    bool https = options.self_base_url.rfind("https://", 0) == 0;
    if (!options.self_https_base_url.empty() && !port.empty() &&
        port == port_of_url(options.self_https_base_url)) {
        https = true;
    }
    return (https ? "https://" : "http://") + std::string(*host);
}

}  // namespace logicmock
