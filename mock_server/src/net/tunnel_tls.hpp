#pragma once
// The TLS side of the proxy's tunnels: for each Azure host a client CONNECTs to, a certificate
// for exactly that name, issued by logicmock's local CA once and kept. Every leaf shares one
// key, so a browser can pin a single SPKI for all hosts (docs/proxy.md).

#include <openssl/types.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "net/local_ca.hpp"

namespace logicmock {

class TunnelTls {
  public:
    explicit TunnelTls(std::shared_ptr<const LocalCa> ca);

    // The server context for host (lower case), issued on first use. The handshake fails when
    // the client's SNI names another host than the one it CONNECTed to (set the expected host
    // as the SSL's app data, a const std::string*).
    std::shared_ptr<SSL_CTX> context_for(const std::string& host);

    static constexpr std::size_t kMaxHosts = 1024;  // then the cache starts over

  private:
    std::shared_ptr<const LocalCa> ca_;
    KeyPtr leaf_key_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::shared_ptr<SSL_CTX>> contexts_;
};

}  // namespace logicmock
