#pragma once
// The default Transport: HTTP or HTTPS through cpp-httplib.

#include <memory>

#include "base_url.hpp"
#include "logicmock/client/workflows_client.hpp"

namespace logicmock::client {

std::shared_ptr<Transport> make_http_transport(const BaseUrl& base_url, const TlsOptions& tls,
                                               const Timeouts& timeouts);

}  // namespace logicmock::client
