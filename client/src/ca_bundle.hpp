#pragma once
// Which CA certificates verify an https server: the explicit file (TlsOptions::ca_file,
// --ca-file) wins; else $SSL_CERT_FILE, as Go and OpenSSL read it (it replaces the system
// store); else the system store (OpenSSL's default paths, which honour SSL_CERT_DIR).

#include <string>

#include "env_lookup.hpp"
#include "logicmock/client/workflows_client.hpp"

namespace logicmock::client {

struct CaBundle {
    std::string file;    // empty: the system store
    std::string source;  // "ca_file", "SSL_CERT_FILE" or "" (system store)

    // For error messages: "CA file /tmp/ca.pem (SSL_CERT_FILE)", "the system CA store".
    std::string describe() const;
};

CaBundle select_ca_bundle(const TlsOptions& tls, const EnvLookup& env);

}  // namespace logicmock::client
