#pragma once
// The default Transport: HTTP or HTTPS through cpp-httplib, directly or through an http://
// proxy (a CONNECT tunnel for https, absolute-form requests for http).

#include <memory>
#include <string>

#include "base_url.hpp"
#include "logicmock/client/proxy.hpp"
#include "logicmock/client/workflows_client.hpp"

namespace logicmock::client {

// Reads the proxy variables (ProxyOptions::Mode::Environment) and SSL_CERT_FILE now.
// Throws ProxyConfigError for a proxy setting that applies to base_url and cannot be used.
std::shared_ptr<Transport> make_http_transport(const BaseUrl& base_url, const TlsOptions& tls,
                                               const Timeouts& timeouts, const ProxyOptions& proxy,
                                               const std::string& user_agent);

}  // namespace logicmock::client
