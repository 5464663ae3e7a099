#include "identity/directory/sign_in_client.hpp"

#include <array>

#include "logicmock/http_headers.hpp"

namespace logicmock {
namespace {

struct KnownClient {
    std::string_view client_id;
    std::string_view name;
};

// Microsoft's first-party public clients developers sign in with (docs/signing-in.md).
constexpr std::array<KnownClient, 4> kKnownClients{{
    {kAzureCliClientId, "Microsoft Azure CLI"},
    {"1950a258-227b-4e31-a9cf-717495945fc2", "Microsoft Azure PowerShell"},
    {"aebc6443-996d-45c2-90f0-388ff96faa56", "Visual Studio Code"},
    {"872cd9fa-d31f-45e0-9eab-6e460a02d1f1", "Visual Studio"},
}};

std::optional<SignInClient> principal_client(const TenantRecord& tenant,
                                             std::string_view client_id) {
    for (const auto& sp : tenant.service_principals) {
        if (!iequals(sp.client_id, client_id)) continue;
        return SignInClient{sp.client_id, sp.display_name, sp.secrets.empty(), sp.redirect_uris};
    }
    return std::nullopt;
}

}  // namespace

std::optional<SignInClient> find_sign_in_client(const WorkflowStore& store,
                                                const TenantRecord* tenant,
                                                std::string_view client_id, IdentityPolicy policy) {
    for (const auto& known : kKnownClients) {
        if (iequals(known.client_id, client_id)) {
            return SignInClient{std::string(known.client_id), std::string(known.name), true, {}};
        }
    }
    if (tenant) {
        if (auto client = principal_client(*tenant, client_id)) return client;
    } else {
        for (const auto& each : store.tenants()) {
            if (auto client = principal_client(each, client_id)) return client;
        }
    }
    if (policy != IdentityPolicy::AcceptAny || client_id.empty() || client_id.size() > 128) {
        return std::nullopt;
    }
    return SignInClient{std::string(client_id), std::string(client_id), true, {}};
}

bool is_loopback_redirect(std::string_view uri) {
    std::optional<std::string_view> found;
    for (std::string_view host : {"http://localhost", "http://127.0.0.1"}) {
        if (uri.size() >= host.size() && iequals(uri.substr(0, host.size()), host)) {
            found = uri.substr(host.size());
            break;
        }
    }
    if (!found) return false;
    const std::string_view rest = *found;
    std::size_t i = 0;
    if (i < rest.size() && rest[i] == ':') {
        std::size_t digits = 0;
        for (++i; i < rest.size() && rest[i] >= '0' && rest[i] <= '9'; ++i) ++digits;
        if (digits == 0 || digits > 5) return false;
    }
    if (i == rest.size()) return true;
    if (rest[i] != '/') return false;  // "localhost.evil.example", "localhost@evil"
    for (; i < rest.size(); ++i) {
        const char c = rest[i];
        if (c == '#' || c == '\\' || static_cast<unsigned char>(c) <= 0x20 ||
            static_cast<unsigned char>(c) >= 0x7F) {
            return false;
        }
    }
    return true;
}

bool redirect_allowed(const SignInClient& client, std::string_view uri) {
    if (uri.empty() || uri.size() > 2048) return false;
    for (const auto& registered : client.redirect_uris) {
        if (registered == uri) return true;
    }
    return client.public_client && is_loopback_redirect(uri);
}

}  // namespace logicmock
