#include "state/seed_writer.hpp"

#include <nlohmann/json.hpp>

#include "logicmock/json_text.hpp"
#include "util/base64.hpp"
#include "util/iso_time.hpp"

#include "logicmock/http_headers.hpp"

namespace logicmock {
namespace {

using Json = nlohmann::ordered_json;

std::string key_text(const AccessKey& key) {
    return base64_encode(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()),
                         Base64Alphabet::Standard, true);
}

Json workflow_json(const WorkflowRecord& wf) {
    Json out{{"name", wf.name},
             {"location", wf.location},
             {"state", wf.state},
             {"workflowId", wf.workflow_id},
             {"accessKeys",
              {{"primary", key_text(wf.primary_key)}, {"secondary", key_text(wf.secondary_key)}}}};
    Json triggers = Json::array();
    for (const auto& t : wf.triggers) triggers.push_back({{"name", t.name}, {"type", t.type}});
    out["triggers"] = triggers;
    if (!wf.definition.empty()) out["definition"] = Json::parse(wf.definition);
    if (!wf.tags.empty()) out["tags"] = Json::parse(wf.tags);
    out["createdTime"] = format_iso8601(to_ticks(wf.created_time));
    out["changedTime"] = format_iso8601(to_ticks(wf.changed_time));
    return out;
}

Json site_json(const SiteRecord& site) {
    Json workflows = Json::array();
    for (const auto& wf : site.workflows) {
        Json out = workflow_json(wf.workflow);
        out.erase("location");  // the site's
        out.erase("tags");
        out["kind"] = wf.kind;
        workflows.push_back(std::move(out));
    }
    return {{"name", site.name},
            {"kind", site.kind},
            {"location", site.location},
            {"defaultHostName", site.default_host_name},
            {"workflows", workflows}};
}

Json tenant_json(const TenantRecord& tenant) {
    Json out{{"tenantId", tenant.tenant_id}, {"displayName", tenant.display_name}};
    if (!tenant.default_domain.empty()) out["defaultDomain"] = tenant.default_domain;
    Json principals = Json::array();
    for (const auto& sp : tenant.service_principals) {
        Json principal{{"clientId", sp.client_id},
                       {"objectId", sp.object_id},
                       {"displayName", sp.display_name},
                       {"secrets", sp.secrets}};
        if (!sp.redirect_uris.empty()) principal["redirectUris"] = sp.redirect_uris;
        principals.push_back(std::move(principal));
    }
    out["servicePrincipals"] = principals;
    if (!tenant.users.empty()) {
        Json users = Json::array();
        for (const auto& user : tenant.users) {
            users.push_back({{"userPrincipalName", user.user_principal_name},
                             {"displayName", user.display_name},
                             {"objectId", user.object_id},
                             {"password", user.password}});
        }
        out["users"] = users;
    }
    return out;
}

}  // namespace

std::string seed_to_json(const Seed& seed) {
    Json subscriptions = Json::array();
    for (const auto& record : seed.subscriptions) {
        const std::string& sub = record.subscription_id;
        Json groups = Json::array();
        for (const auto& rg : seed.resource_groups) {
            if (ascii_lower(rg.subscription_id) != ascii_lower(sub)) continue;
            Json workflows = Json::array();
            for (const auto& wf : seed.workflows) {
                if (ascii_lower(wf.subscription_id) == ascii_lower(sub) &&
                    ascii_lower(wf.resource_group) == ascii_lower(rg.name)) {
                    workflows.push_back(workflow_json(wf));
                }
            }
            Json group{{"name", rg.name}, {"location", rg.location}, {"workflows", workflows}};
            Json sites = Json::array();
            for (const auto& site : seed.sites) {
                if (ascii_lower(site.subscription_id) == ascii_lower(sub) &&
                    ascii_lower(site.resource_group) == ascii_lower(rg.name)) {
                    sites.push_back(site_json(site));
                }
            }
            if (!sites.empty()) group["sites"] = sites;
            groups.push_back(std::move(group));
        }
        Json out{{"subscriptionId", sub}};
        if (!record.tenant_id.empty()) out["tenantId"] = record.tenant_id;
        if (!record.display_name.empty()) out["displayName"] = record.display_name;
        out["resourceGroups"] = groups;
        subscriptions.push_back(out);
    }
    Json tenants = Json::array();
    for (const auto& tenant : seed.tenants) tenants.push_back(tenant_json(tenant));
    Json doc{{"tenants", tenants}, {"subscriptions", subscriptions}};
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace logicmock
