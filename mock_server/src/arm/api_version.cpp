#include "arm/api_version.hpp"

#include "resources/provider_catalogue.hpp"
#include "util/location_name.hpp"

namespace logicmock {
namespace {

// ", "-joined, oldest first, as ARM's NoRegisteredProviderFound message lists them.
std::string joined_versions(const ResourceTypeInfo& type = logic_workflows()) {
    const auto& versions = type.api_versions;
    std::string out;
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        out += (out.empty() ? "" : ", ") + std::string(*it);
    }
    return out;
}

std::string joined_locations(const ResourceTypeInfo& type = logic_workflows()) {
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

std::string_view supported_api_versions() {
    static const std::string joined = joined_versions();
    return joined;
}

bool is_supported_api_version(std::string_view version) {
    return is_listed(logic_workflows(), version);
}

std::optional<ArmError> check_api_version(const std::optional<std::string>& api_version,
                                          const std::function<std::string()>& location) {
    if (!api_version || api_version->empty()) {
        return make_error(ErrorId::MissingApiVersionParameter);
    }
    if (is_supported_api_version(*api_version)) return std::nullopt;
    static const std::string locations = joined_locations();
    return make_error(ErrorId::NoRegisteredProviderFound,
                      {location(), *api_version, "workflows", supported_api_versions(), locations});
}

std::optional<ArmError> check_web_api_version(const std::optional<std::string>& api_version,
                                              const std::function<std::string()>& location) {
    if (!api_version || api_version->empty()) {
        return make_error(ErrorId::MissingApiVersionParameter);
    }
    const ResourceTypeInfo& sites = web_sites();
    if (is_listed(sites, *api_version)) return std::nullopt;
    static const std::string versions = joined_versions(sites);
    static const std::string locations = joined_locations(sites);
    return make_error(ErrorId::NoRegisteredProviderFound,
                      {location(), *api_version, "sites", versions, locations});
}

}  // namespace logicmock
