#include "arm/api_version.hpp"

#include <array>

namespace logicmock {
namespace {

constexpr std::array<std::string_view, 3> kVersions{"2016-06-01", "2018-07-01-preview",
                                                    "2019-05-01"};
// Assumption: the Logic regions ARM lists; the real list is longer and changes over time.
constexpr std::string_view kSupportedLocations =
    "australiaeast, brazilsouth, canadacentral, centralus, eastasia, eastus, eastus2, "
    "japaneast, northcentralus, northeurope, southcentralus, uksouth, westeurope, westus, "
    "westus2";

}  // namespace

std::string_view supported_api_versions() {
    static const std::string joined = [] {
        std::string out;
        for (auto v : kVersions) out += (out.empty() ? "" : ", ") + std::string(v);
        return out;
    }();
    return joined;
}

bool is_supported_api_version(std::string_view version) {
    for (auto v : kVersions) {
        if (v == version) return true;
    }
    return false;
}

std::optional<ArmError> check_api_version(const std::optional<std::string>& api_version,
                                          const std::function<std::string()>& location) {
    if (!api_version || api_version->empty()) {
        return make_error(ErrorId::MissingApiVersionParameter);
    }
    if (is_supported_api_version(*api_version)) return std::nullopt;
    return make_error(
        ErrorId::NoRegisteredProviderFound,
        {location(), *api_version, "workflows", supported_api_versions(), kSupportedLocations});
}

}  // namespace logicmock
