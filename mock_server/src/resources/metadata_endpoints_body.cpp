#include "resources/resource_bodies.hpp"

namespace logicmock {

nlohmann::json metadata_endpoints_json(const std::string& self_base_url, bool cloud_array) {
    std::string base = self_base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    const std::string login = base + "/adfs";
    const nlohmann::json audiences = {"https://management.core.windows.net/",
                                      "https://management.azure.com/"};
    if (!cloud_array) {
        return {{"galleryEndpoint", base + "/"},
                {"graphEndpoint", "https://graph.windows.net/"},
                {"portalEndpoint", base + "/"},
                {"authentication", {{"loginEndpoint", login}, {"audiences", audiences}}}};
    }
    return nlohmann::json::array(
        {{{"name", "logicmock"},
          {"portal", base + "/"},
          {"authentication",
           {{"loginEndpoint", login},
            {"audiences", audiences},
            {"tenant", "adfs"},
            {"identityProvider", "ADFS"}}},
          {"resourceManager", base + "/"},
          {"gallery", base + "/"},
          {"graph", "https://graph.windows.net/"},
          {"graphAudience", "https://graph.windows.net/"},
          {"suffixes", {{"storage", "core.windows.net"}, {"keyVaultDns", "vault.azure.net"}}}}});
}

}  // namespace logicmock
