#include "arm/api_version.hpp"

#include "util/location_name.hpp"

namespace logicmock {
namespace {

// ", "-joined, oldest first, as ARM's NoRegisteredProviderFound message lists them.
std::string joined_versions(const ResourceTypeInfo& type) {
    std::string out;
    for (auto it = type.api_versions.rbegin(); it != type.api_versions.rend(); ++it) {
        out += (out.empty() ? "" : ", ") + std::string(*it);
    }
    return out;
}

std::string joined_locations(const ResourceTypeInfo& type) {
    std::string out;
    for (auto location : type.locations) {
        out += (out.empty() ? "" : ", ") + normalized_location(location);
    }
    return out;
}

bool is_listed(const ResourceTypeInfo& type, std::string_view version) {
    for (auto v : type.api_versions) {
        if (v == version) return true;
    }
    return false;
}

}  // namespace

std::optional<ArmError> check_api_version(const ResourceTypeInfo& type,
                                          const std::optional<std::string>& api_version,
                                          const std::function<std::string()>& location) {
    if (!api_version || api_version->empty()) {
        return make_error(ErrorId::MissingApiVersionParameter);
    }
    if (is_listed(type, *api_version)) return std::nullopt;
    return make_error(ErrorId::NoRegisteredProviderFound,
                      {location(), *api_version, type.resource_type, joined_versions(type),
                       joined_locations(type)});
}

}  // namespace logicmock
