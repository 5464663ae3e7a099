#pragma once
// Who is calling, as the authentication stage learned it: ARM throttles per principal. An auth
// mode that reads token claims fills it (principal_from_claims); otherwise it stays anonymous.

#include <nlohmann/json.hpp>
#include <string>

namespace logicmock {

struct CallerPrincipal {
    std::string id;  // the token's oid, else its appid (azp); empty: anonymous

    bool anonymous() const { return id.empty(); }
};

// From the claims of a token the auth stage accepted. Values that are not short printable
// strings are ignored, so a token cannot grow the throttling map's keys or the 429 message.
CallerPrincipal principal_from_claims(const nlohmann::json& claims);

}  // namespace logicmock
