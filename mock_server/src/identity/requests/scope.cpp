#include "identity/requests/scope.hpp"

#include <sstream>

#include "util/text.hpp"

namespace logicmock {
namespace {

// "{resource}{suffix}" -> resource, when the resource is valid.
std::optional<std::string> resource_before(std::string_view word, std::string_view suffix) {
    if (word.size() <= suffix.size() ||
        word.compare(word.size() - suffix.size(), suffix.size(), suffix) != 0) {
        return std::nullopt;
    }
    std::string resource(word.substr(0, word.size() - suffix.size()));
    if (!valid_resource(resource)) return std::nullopt;
    return resource;
}

}  // namespace

bool is_oidc_scope(std::string_view word) {
    return word == "openid" || word == "profile" || word == "email" || word == "offline_access";
}

bool valid_resource(std::string_view resource) {
    if (resource.size() > 2048) return false;
    const bool uri = (resource.rfind("https://", 0) == 0 && resource.size() > 8) ||
                     (resource.rfind("http://", 0) == 0 && resource.size() > 7);
    return uri || is_guid(resource);
}

std::optional<std::string> audience_of_scope(std::string_view scope) {
    std::optional<std::string> audience;
    std::istringstream words{std::string(scope)};
    std::string word;
    while (words >> word) {
        if (word == "openid" || word == "profile" || word == "offline_access") continue;
        if (audience) return std::nullopt;
        audience = resource_before(word, "/.default");
        if (!audience) return std::nullopt;
    }
    return audience;
}

std::optional<UserScope> parse_user_scope(std::string_view scope) {
    if (scope.size() > 4096) return std::nullopt;
    UserScope out;
    bool resource_seen = false;
    std::istringstream words{std::string(scope)};
    std::string word;
    while (words >> word) {
        if (is_oidc_scope(word)) {
            out.openid = out.openid || word == "openid";
            continue;
        }
        auto resource = resource_before(word, "/.default");
        if (!resource) resource = resource_before(word, "/user_impersonation");
        if (!resource || resource_seen) return std::nullopt;
        resource_seen = true;
        out.audience = *resource;
    }
    return out;
}

}  // namespace logicmock
