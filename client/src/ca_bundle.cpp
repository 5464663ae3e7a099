#include "ca_bundle.hpp"

namespace logicmock::client {

std::string CaBundle::describe() const {
    if (file.empty()) return "the system CA store";
    return "CA file " + file + " (" + source + ")";
}

CaBundle select_ca_bundle(const TlsOptions& tls, const EnvLookup& env) {
    if (!tls.ca_file.empty()) return {tls.ca_file, "ca_file"};
    if (std::string file = env("SSL_CERT_FILE"); !file.empty()) {
        return {std::move(file), "SSL_CERT_FILE"};
    }
    return {};
}

}  // namespace logicmock::client
