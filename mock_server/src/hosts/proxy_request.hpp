#pragma once
// What logicmock's proxy makes of a request before any service sees it (docs/proxy.md):
// CONNECT opens a tunnel only to a host the host table serves; an absolute-form request
// (GET http://169.254.169.254/...) is served only for such a host and goes on in origin form;
// inside a tunnel the Host header must name the tunnel's host. Nothing is ever forwarded.

#include <optional>

#include "hosts/host_table.hpp"
#include "logicmock/http_types.hpp"
#include "protocol/error_catalogue.hpp"

namespace logicmock {

struct ProxyDecision {
    enum class Kind {
        Direct,      // not through the proxy: service by Host header, or by path when none
        Serve,       // through the proxy: the host table's service answers
        OpenTunnel,  // CONNECT accepted: answer 200, then TLS for that host
        Refuse,      // refusal below
    };
    Kind kind = Kind::Direct;
    std::optional<HostService> service;
    std::optional<Request> rewritten;  // an absolute-form request in origin form, proxied set
    std::optional<ArmError> refusal;
};

ProxyDecision decide_proxy(const Request& request);

}  // namespace logicmock
