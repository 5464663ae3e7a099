#pragma once
// Authorization codes and device codes: server state that lives minutes and is used once.
// Bounded (the oldest goes when full, so hostile input cannot grow it), guarded by one mutex,
// never persisted. Time is passed in: the identity service's clock, so tests can move it.

#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "identity/directory/directory.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

// What a token request needs to mint the user's tokens (shared by both grants).
struct UserGrant {
    SignedInUser user;
    std::string client_id;
    std::string scope;     // as requested, for the answer's "scope"
    std::string audience;  // the access token's aud
    std::string nonce;     // echoed in the id token ("" when none)
    bool openid = false;   // an id token is wanted
};

struct AuthorizationCode {
    UserGrant grant;
    std::string redirect_uri;
    std::string code_challenge;  // S256; "" when the client sent none
};

enum class GrantFailure { Unknown, Redeemed, Expired, Pending };

struct DeviceCodeIssued {
    std::string device_code;
    std::string user_code;
};

// A device code the user is about to approve, as the verification page shows it.
struct PendingDevice {
    std::string client_id;
    std::string tenant;  // the authority's tenant segment ("organizations", a tenant id, ...)
};

class GrantStore {
  public:
    static constexpr auto kCodeLifetime = std::chrono::minutes(10);
    static constexpr auto kDeviceCodeLifetime = std::chrono::minutes(15);

    explicit GrantStore(std::size_t capacity = 1024) : capacity_(capacity) {}

    std::string add_code(AuthorizationCode code, SystemTime now);
    // Once: a second redemption is Redeemed, a late one Expired.
    std::variant<AuthorizationCode, GrantFailure> redeem_code(const std::string& code,
                                                              SystemTime now);

    // `grant.user` is filled in when the user approves.
    DeviceCodeIssued add_device_code(UserGrant grant, std::string tenant, SystemTime now);
    std::optional<PendingDevice> find_user_code(const std::string& user_code, SystemTime now) const;
    // False when the user code is unknown, expired or already used.
    bool approve_device_code(const std::string& user_code, const SignedInUser& user,
                             SystemTime now);
    // The grant once approved (once); Pending before, Expired after, Unknown otherwise.
    std::variant<UserGrant, GrantFailure> poll_device_code(const std::string& device_code,
                                                           SystemTime now);

  private:
    struct CodeEntry {
        AuthorizationCode code;
        SystemTime expires;
        bool redeemed = false;
    };
    struct DeviceEntry {
        UserGrant grant;
        std::string tenant;
        std::string user_code;
        SystemTime expires;
        bool approved = false;
        bool redeemed = false;
    };

    template <typename Map>
    void make_room(Map& map, SystemTime now);

    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::map<std::string, CodeEntry> codes_;
    std::map<std::string, DeviceEntry> devices_;     // by device code
    std::map<std::string, std::string> user_codes_;  // user code -> device code
};

}  // namespace logicmock
