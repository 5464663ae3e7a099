#include "protocol/caller_principal.hpp"

#include <string_view>

namespace logicmock {
namespace {

constexpr std::size_t kMaxIdLength = 128;

bool usable(const nlohmann::json& value) {
    if (!value.is_string()) return false;
    const auto& s = value.get_ref<const std::string&>();
    if (s.empty() || s.size() > kMaxIdLength) return false;
    for (char c : s) {
        if (c < 0x21 || c > 0x7E) return false;
    }
    return true;
}

}  // namespace

CallerPrincipal principal_from_claims(const nlohmann::json& claims) {
    if (!claims.is_object()) return {};
    for (const char* name : {"oid", "appid", "azp"}) {
        auto it = claims.find(name);
        if (it != claims.end() && usable(*it)) return {it->get<std::string>()};
    }
    return {};
}

}  // namespace logicmock
