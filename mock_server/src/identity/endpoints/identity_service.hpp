#pragma once
// The fake Microsoft Entra ID on the same server and port as ARM: discovery, JWKS, the token
// endpoints and App Service managed identity (docs/signing-in.md). It owns the signing key, and
// verifies the tokens it issued for ARM's front door (--auth entra).

#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

#include "identity/protocol/identity_routes.hpp"
#include "identity/tokens/grant_store.hpp"
#include "identity/tokens/page_token.hpp"
#include "identity/tokens/signing_key.hpp"
#include "identity/tokens/token_verifier.hpp"
#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "protocol/request_context.hpp"

namespace logicmock {

class IdentityService {
  public:
    // Reads (or creates) options.signing_key_file now, so a bad file stops start-up; without a
    // file the key is generated on first use.
    IdentityService(const ServiceOptions& options, const WorkflowStore& store);

    Response handle(RequestContext& context, const IdentityRoute& route) const;

    // The token's identity when this server signed it (cached, bounded).
    std::optional<VerifiedToken> verify(std::string_view token) const;

    const SigningKey& key() const;

  private:
    Response answer(RequestContext& context, const IdentityRoute& route) const;

    const ServiceOptions& options_;
    const WorkflowStore& store_;
    mutable std::once_flag key_once_;
    mutable std::optional<SigningKey> key_;
    TokenVerifier verifier_;
    mutable GrantStore grants_;
    const PageSecret page_secret_;
};

}  // namespace logicmock
