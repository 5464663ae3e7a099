#include "resources/arm_api_versions.hpp"

#include <string_view>
#include <vector>

namespace logicmock {
namespace {

// Assumption: the api-versions of Microsoft.Resources that azure-mgmt-resource and the Azure CLI
// use (2019-11-01 subscriptions, 2021-04-01 providers among them); ARM knows more.
const std::vector<std::string_view>& versions_of(ApiVersionSet set) {
    static const std::vector<std::string_view> subscriptions{
        "2014-04-01-preview", "2015-01-01", "2016-06-01", "2018-06-01", "2019-06-01",
        "2019-11-01",         "2020-01-01", "2021-01-01", "2022-12-01"};
    static const std::vector<std::string_view> providers{
        "2015-01-01", "2016-02-01", "2016-09-01", "2017-05-10", "2018-02-01",
        "2018-05-01", "2019-05-01", "2019-05-10", "2019-07-01", "2019-08-01",
        "2019-10-01", "2020-06-01", "2020-08-01", "2020-10-01", "2021-01-01",
        "2021-04-01", "2022-09-01", "2023-07-01", "2024-03-01"};
    // docs/signing-in.md: the object shape (2015-01-01) and the array (2019-05-01).
    static const std::vector<std::string_view> metadata{"2015-01-01", "2019-05-01"};
    switch (set) {
        case ApiVersionSet::Subscriptions:
            return subscriptions;
        case ApiVersionSet::Providers:
            return providers;
        case ApiVersionSet::MetadataEndpoints:
        case ApiVersionSet::LogicWorkflows:
        case ApiVersionSet::WebSites:
            break;
    }
    return metadata;
}

}  // namespace

std::optional<ArmError> check_arm_api_version(ApiVersionSet set,
                                              const std::optional<std::string>& api_version) {
    if (!api_version || api_version->empty()) {
        return make_error(ErrorId::MissingApiVersionParameter);
    }
    const auto& versions = versions_of(set);
    std::string joined;
    for (auto v : versions) {
        if (v == *api_version) return std::nullopt;
        joined += (joined.empty() ? "" : ",") + std::string(v);
    }
    return make_error(ErrorId::InvalidApiVersionParameter, {*api_version, joined});
}

}  // namespace logicmock
