#include "net/tunnel_tls.hpp"

#include <openssl/ssl.h>
#include <strings.h>

namespace logicmock {
namespace {

// SNI must name the CONNECT host; a client without SNI (IP literals) gets that host's leaf.
int check_server_name(SSL* ssl, int* alert, void*) {
    const char* sni = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    const auto* expected = static_cast<const std::string*>(SSL_get_app_data(ssl));
    if (!sni || !expected || ::strcasecmp(sni, expected->c_str()) == 0) return SSL_TLSEXT_ERR_OK;
    *alert = SSL_AD_UNRECOGNIZED_NAME;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}

}  // namespace

TunnelTls::TunnelTls(std::shared_ptr<const LocalCa> ca)
    : ca_(std::move(ca)), leaf_key_(generate_ec_key()) {}

std::shared_ptr<SSL_CTX> TunnelTls::context_for(const std::string& host) {
    {
        std::lock_guard lock(mutex_);
        if (auto it = contexts_.find(host); it != contexts_.end()) return it->second;
    }
    // Issued outside the lock: two first requests for one host may both issue; one is kept.
    X509Ptr leaf = ca_->issue({host}, *leaf_key_);
    std::shared_ptr<SSL_CTX> ctx(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
    if (!ctx) throw_tls_error("cannot create a TLS context");
    SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
    SSL_CTX_set_options(ctx.get(), SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    if (SSL_CTX_use_certificate(ctx.get(), leaf.get()) != 1 ||
        SSL_CTX_use_PrivateKey(ctx.get(), leaf_key_.get()) != 1) {
        throw_tls_error("cannot set up TLS for " + host);
    }
    SSL_CTX_set_tlsext_servername_callback(ctx.get(), check_server_name);
    std::lock_guard lock(mutex_);
    if (contexts_.size() >= kMaxHosts) contexts_.clear();
    return contexts_.emplace(host, std::move(ctx)).first->second;
}

}  // namespace logicmock
