#pragma once
// Which HTTP proxy the client goes through. By default the environment decides, the way curl
// and Go read it: HTTPS_PROXY for https targets, HTTP_PROXY for http targets (each upper case
// first, then lower case), NO_PROXY / no_proxy for the hosts that bypass it; a loopback target
// (localhost, 127.0.0.0/8, ::1) never goes through a proxy. An https target is reached through
// a CONNECT tunnel; an http target with an absolute-form request to the proxy.

#include <optional>
#include <stdexcept>
#include <string>

namespace logicmock::client {

struct ProxyOptions {
    enum class Mode {
        Environment,  // HTTPS_PROXY / HTTP_PROXY / NO_PROXY, read when the client is made
        Fixed,        // `url` for http and https targets; NO_PROXY and loopback still bypass it
        Direct,       // never a proxy
    };
    Mode mode = Mode::Environment;
    std::string url;                      // Fixed: [http://][user:password@]host[:port]
    std::optional<std::string> no_proxy;  // when set, replaces NO_PROXY / no_proxy
};

// A proxy setting that cannot be used: a scheme other than http://, no host, a bad port, a
// path. Thrown when a client or credential is made. The message names where the value came
// from (HTTPS_PROXY, https_proxy, HTTP_PROXY, http_proxy, "proxy URL") and never repeats the
// value, which may hold a password.
class ProxyConfigError : public std::invalid_argument {
  public:
    ProxyConfigError(std::string source, std::string problem);
    const std::string& source() const { return source_; }
    const std::string& problem() const { return problem_; }

  private:
    std::string source_;
    std::string problem_;
};

}  // namespace logicmock::client
