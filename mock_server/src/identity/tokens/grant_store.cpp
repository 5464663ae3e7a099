#include "identity/tokens/grant_store.hpp"

#include <algorithm>
#include <type_traits>

#include "util/base64.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

// 256 random bits, base64url: what a code or device code is.
std::string random_code() {
    const AccessKey bytes = random_access_key();
    return base64_encode(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()),
        Base64Alphabet::Url, false);
}

// Nine letters and digits as Entra shows them ("BPPVYQZMA"), without look-alikes.
std::string random_user_code() {
    static constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const AccessKey bytes = random_access_key();
    std::string out;
    for (std::size_t i = 0; i < 9; ++i) out += kAlphabet[bytes[i] % kAlphabet.size()];
    return out;
}

std::string normalized_user_code(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '-' || c == ' ') continue;
        out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return out;
}

}  // namespace

template <typename Map>
void GrantStore::make_room(Map& map, SystemTime now) {
    auto erase = [&](typename Map::iterator it) {
        if constexpr (std::is_same_v<typename Map::mapped_type, DeviceEntry>) {
            user_codes_.erase(it->second.user_code);
        }
        return map.erase(it);
    };
    for (auto it = map.begin(); it != map.end();) {
        it = it->second.expires < now ? erase(it) : std::next(it);
    }
    while (!map.empty() && map.size() >= capacity_) {
        erase(std::min_element(map.begin(), map.end(), [](const auto& a, const auto& b) {
            return a.second.expires < b.second.expires;
        }));
    }
}

std::string GrantStore::add_code(AuthorizationCode code, SystemTime now) {
    std::string key = random_code();
    std::lock_guard lock(mutex_);
    if (codes_.size() >= capacity_) make_room(codes_, now);
    codes_.emplace(key, CodeEntry{std::move(code), now + kCodeLifetime, false});
    return key;
}

std::variant<AuthorizationCode, GrantFailure> GrantStore::redeem_code(const std::string& code,
                                                                      SystemTime now) {
    std::lock_guard lock(mutex_);
    auto it = codes_.find(code);
    if (it == codes_.end()) return GrantFailure::Unknown;
    if (it->second.redeemed) return GrantFailure::Redeemed;
    if (it->second.expires < now) return GrantFailure::Expired;
    it->second.redeemed = true;
    return it->second.code;
}

DeviceCodeIssued GrantStore::add_device_code(UserGrant grant, std::string tenant, SystemTime now) {
    DeviceCodeIssued issued{random_code(), random_user_code()};
    std::lock_guard lock(mutex_);
    if (devices_.size() >= capacity_) make_room(devices_, now);
    while (user_codes_.count(issued.user_code)) issued.user_code = random_user_code();
    user_codes_.emplace(issued.user_code, issued.device_code);
    devices_.emplace(issued.device_code, DeviceEntry{std::move(grant), std::move(tenant),
                                                     issued.user_code, now + kDeviceCodeLifetime});
    return issued;
}

std::optional<PendingDevice> GrantStore::find_user_code(const std::string& user_code,
                                                        SystemTime now) const {
    std::lock_guard lock(mutex_);
    auto code = user_codes_.find(normalized_user_code(user_code));
    if (code == user_codes_.end()) return std::nullopt;
    const DeviceEntry& entry = devices_.at(code->second);
    if (entry.approved || entry.expires < now) return std::nullopt;
    return PendingDevice{entry.grant.client_id, entry.tenant};
}

bool GrantStore::approve_device_code(const std::string& user_code, const SignedInUser& user,
                                     SystemTime now) {
    std::lock_guard lock(mutex_);
    auto code = user_codes_.find(normalized_user_code(user_code));
    if (code == user_codes_.end()) return false;
    DeviceEntry& entry = devices_.at(code->second);
    if (entry.approved || entry.expires < now) return false;
    entry.approved = true;
    entry.grant.user = user;
    return true;
}

std::variant<UserGrant, GrantFailure> GrantStore::poll_device_code(const std::string& device_code,
                                                                   SystemTime now) {
    std::lock_guard lock(mutex_);
    auto it = devices_.find(device_code);
    if (it == devices_.end()) return GrantFailure::Unknown;
    DeviceEntry& entry = it->second;
    if (entry.redeemed) return GrantFailure::Redeemed;
    if (entry.expires < now) return GrantFailure::Expired;
    if (!entry.approved) return GrantFailure::Pending;
    entry.redeemed = true;
    return entry.grant;
}

}  // namespace logicmock
