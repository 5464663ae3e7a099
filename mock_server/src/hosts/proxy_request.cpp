#include "hosts/proxy_request.hpp"

namespace logicmock {
namespace {

ProxyDecision refuse(ErrorId id, std::initializer_list<std::string_view> args) {
    ProxyDecision out;
    out.kind = ProxyDecision::Kind::Refuse;
    out.refusal = make_error(id, args);
    return out;
}

ProxyDecision not_served(const Authority& authority, std::string_view scheme) {
    const std::string named =
        std::string(scheme) + "://" + authority.host + ":" + std::to_string(authority.port);
    return refuse(ErrorId::ProxyHostNotServed, {named, served_hosts_text()});
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != prefix[i]) return false;
    }
    return true;
}

// A Host header that names another host than the one the request was sent to.
std::optional<ProxyDecision> host_mismatch(const Request& request, const std::string& host) {
    const auto header = request.headers.get("Host");
    if (!header) return std::nullopt;  // HTTP/1.0 clients may leave it out
    auto named = parse_authority(*header, -1);
    if (named && named->host == host) return std::nullopt;
    return refuse(ErrorId::ProxyHostMismatch, {*header, host});
}

ProxyDecision open_tunnel(const Request& request) {
    if (request.proxied) {
        return refuse(ErrorId::ProxyRequestInvalid, {"CONNECT inside a tunnel is not supported."});
    }
    auto authority = parse_authority(request.target);
    if (!authority) {
        return refuse(ErrorId::ProxyRequestInvalid,
                      {"CONNECT needs a target of the form host:port."});
    }
    auto service = service_for_host(authority->host, "https", authority->port);
    if (!service) return not_served(*authority, "https");
    ProxyDecision out;
    out.kind = ProxyDecision::Kind::OpenTunnel;
    out.service = service;
    return out;
}

ProxyDecision absolute_form(const Request& request) {
    // Inside a tunnel an https:// URL is the absolute form of a request to the tunnel's host
    // (RFC 9112 3.2.2: a server accepts it); without a tunnel it would be a forwarded request.
    const bool https = starts_with_ci(request.target, "https://");
    if (https && !request.proxied) {
        return refuse(ErrorId::ProxyRequestInvalid,
                      {"https:// URLs go through a CONNECT tunnel, not as a forwarded request."});
    }
    const std::string_view rest = std::string_view(request.target).substr(https ? 8 : 7);
    const auto path_start = rest.find_first_of("/?");
    auto authority = parse_authority(rest.substr(0, path_start), https ? 443 : 80);
    if (!authority) {
        return refuse(ErrorId::ProxyRequestInvalid, {"the request URL names no valid host."});
    }
    if (request.proxied && authority->host != request.proxied->host) {
        return refuse(ErrorId::ProxyHostMismatch, {authority->host, request.proxied->host});
    }
    if (auto mismatch = host_mismatch(request, authority->host)) return *mismatch;
    const std::string scheme = request.proxied ? request.proxied->scheme : "http";
    const int port = request.proxied ? request.proxied->port : authority->port;
    auto service = service_for_host(authority->host, scheme, port);
    if (!service) return not_served(*authority, scheme);

    ProxyDecision out;
    out.kind = ProxyDecision::Kind::Serve;
    out.service = service;
    out.rewritten = request;
    std::string origin(path_start == std::string_view::npos ? "" : rest.substr(path_start));
    if (origin.empty() || origin.front() != '/') origin.insert(0, "/");
    out.rewritten->target = std::move(origin);
    out.rewritten->proxied = ProxiedTarget{scheme, authority->host, port};
    return out;
}

}  // namespace

ProxyDecision decide_proxy(const Request& request) {
    if (request.method == "CONNECT") return open_tunnel(request);
    if (starts_with_ci(request.target, "http://") || starts_with_ci(request.target, "https://")) {
        return absolute_form(request);
    }
    ProxyDecision out;
    if (request.proxied) {
        if (auto mismatch = host_mismatch(request, request.proxied->host)) return *mismatch;
        out.kind = ProxyDecision::Kind::Serve;
        out.service =
            service_for_host(request.proxied->host, request.proxied->scheme, request.proxied->port);
        if (!out.service) {
            return not_served(Authority{request.proxied->host, request.proxied->port},
                              request.proxied->scheme);
        }
        return out;
    }
    if (auto host = request.headers.get("Host")) out.service = service_for_host_header(*host);
    return out;
}

}  // namespace logicmock
