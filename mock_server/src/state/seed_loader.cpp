#include <openssl/sha.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "logicmock/json_text.hpp"
#include "logicmock/schema_validator.hpp"
#include "logicmock/seed.hpp"
#include "state/workflow_definition.hpp"
#include "util/base64.hpp"
#include "util/iso_time.hpp"
#include "util/random_bytes.hpp"

#include "logicmock/http_headers.hpp"

namespace logicmock::embedded {
extern const std::string_view default_seed_json;
}

namespace logicmock {
namespace {

[[noreturn]] void fail(const std::string& origin, const std::string& path,
                       const std::string& problem) {
    throw SeedError("seed file '" + origin + "': at " + json_path_for_humans(path) + ": " +
                    problem);
}

// A stable runtime id: the first 16 bytes of SHA-256 over the lower-cased resource id
// ("/subscriptions/…/providers/Microsoft.Logic/workflows/{name}", or a site's workflow's).
std::string derive_workflow_id(const WorkflowRecord& wf, const std::string& provider_path) {
    std::string resource_id =
        ascii_lower("/subscriptions/" + wf.subscription_id + "/resourceGroups/" +
                    wf.resource_group + "/providers/" + provider_path + "/" + wf.name);
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(resource_id.data()), resource_id.size(), digest);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 16; ++i) {
        id += kHex[digest[i] >> 4];
        id += kHex[digest[i] & 0x0F];
    }
    return id;
}

AccessKey key_from(const nlohmann::json& keys, const char* name) {
    if (!keys.contains(name)) return random_access_key();
    auto bytes = base64_decode(keys[name].get<std::string>(), Base64Alphabet::Standard);
    AccessKey key{};
    // The schema's pattern guarantees 32 bytes.
    for (std::size_t i = 0; i < key.size() && bytes && i < bytes->size(); ++i) {
        key[i] = static_cast<std::uint8_t>((*bytes)[i]);
    }
    return key;
}

// Times std::chrono can hold (about 1678 to 2261); the schema has checked the format.
SystemTime time_from(const nlohmann::json& item, const char* name, SystemTime fallback,
                     const std::string& origin, const std::string& path) {
    if (!item.contains(name)) return fallback;
    auto ticks = parse_iso8601(item[name].get<std::string>());
    constexpr Ticks kMin = 529'000'000'000'000'000, kMax = 713'000'000'000'000'000;
    if (!ticks || *ticks < kMin || *ticks > kMax) {
        fail(origin, path + "." + name, "not a date-time between the years 1678 and 2261");
    }
    return from_ticks(*ticks);
}

void check_unique(std::set<std::string>& seen, const std::string& name, const std::string& origin,
                  const std::string& path, const char* what) {
    if (!seen.insert(ascii_lower(name)).second) {
        fail(origin, path,
             "duplicate " + std::string(what) + " '" + name +
                 "' (names compare case-insensitively)");
    }
}

std::vector<TenantRecord> tenants_from(const nlohmann::json& doc, const std::string& origin) {
    std::vector<TenantRecord> tenants;
    std::set<std::string> ids;
    std::set<std::string> domains;
    const auto items = doc.value("tenants", nlohmann::json::array());
    for (std::size_t t = 0; t < items.size(); ++t) {
        const auto& item = items[t];
        const std::string path = "tenants[" + std::to_string(t) + "]";
        TenantRecord tenant{
            item["tenantId"], item["displayName"], item.value("defaultDomain", ""), {}, {}};
        check_unique(ids, tenant.tenant_id, origin, path + ".tenantId", "tenant");
        if (!tenant.default_domain.empty()) {
            check_unique(domains, tenant.default_domain, origin, path + ".defaultDomain",
                         "default domain");
        }
        std::set<std::string> clients;
        const auto sps = item.value("servicePrincipals", nlohmann::json::array());
        for (std::size_t p = 0; p < sps.size(); ++p) {
            const auto& sp = sps[p];
            ServicePrincipalRecord principal{sp["clientId"], sp["objectId"], sp["displayName"],
                                             sp.value("secrets", std::vector<std::string>{}),
                                             sp.value("redirectUris", std::vector<std::string>{})};
            check_unique(clients, principal.client_id, origin,
                         path + ".servicePrincipals[" + std::to_string(p) + "].clientId",
                         "service principal client id");
            tenant.service_principals.push_back(std::move(principal));
        }
        std::set<std::string> names;
        const auto users = item.value("users", nlohmann::json::array());
        for (std::size_t u = 0; u < users.size(); ++u) {
            const auto& user = users[u];
            UserRecord record{user["userPrincipalName"], user["displayName"], user["objectId"],
                              user["password"]};
            check_unique(names, record.user_principal_name, origin,
                         path + ".users[" + std::to_string(u) + "].userPrincipalName",
                         "user principal name");
            tenant.users.push_back(std::move(record));
        }
        tenants.push_back(std::move(tenant));
    }
    return tenants;
}

// The subscription's "tenantId" when it names a seeded tenant; the first tenant when absent.
std::string owning_tenant(const nlohmann::json& sub, const std::vector<TenantRecord>& tenants,
                          const std::string& origin, const std::string& path) {
    if (!sub.contains("tenantId")) return tenants.empty() ? "" : tenants.front().tenant_id;
    const std::string id = sub["tenantId"];
    for (const auto& tenant : tenants) {
        if (ascii_lower(tenant.tenant_id) == ascii_lower(id)) return tenant.tenant_id;
    }
    fail(origin, path + ".tenantId", "tenant '" + id + "' is not one of the seed's tenants");
}

// One workflow item of the seed: a Consumption workflow, or a Standard site's (provider_path
// "Microsoft.Web/sites/{site}/workflows").
WorkflowRecord workflow_from(const nlohmann::json& item, const ResourceGroupRecord& group,
                             const std::string& provider_path, const std::string& location,
                             const std::string& origin, const std::string& wf_path,
                             SystemTime loaded_at) {
    WorkflowRecord wf;
    wf.subscription_id = group.subscription_id;
    wf.resource_group = group.name;
    wf.name = item["name"];
    wf.location = item.value("location", location);
    wf.state = item.value("state", "Enabled");
    wf.workflow_id = item.value("workflowId", derive_workflow_id(wf, provider_path));
    const auto keys = item.value("accessKeys", nlohmann::json::object());
    wf.primary_key = key_from(keys, "primary");
    wf.secondary_key = key_from(keys, "secondary");
    std::set<std::string> triggers;
    const auto trs = item.value("triggers", nlohmann::json::array());
    for (std::size_t t = 0; t < trs.size(); ++t) {
        TriggerRecord trigger{trs[t]["name"], trs[t]["type"]};
        check_unique(triggers, trigger.name, origin,
                     wf_path + ".triggers[" + std::to_string(t) + "].name", "trigger");
        wf.triggers.push_back(trigger);
    }
    if (item.contains("definition")) {
        wf.definition = to_json_text(item["definition"]);
        if (!item.contains("triggers")) {
            wf.triggers = triggers_from_definition(item["definition"]);
            for (const auto& trigger : wf.triggers) {
                check_unique(triggers, trigger.name, origin, wf_path + ".definition.triggers",
                             "trigger");
            }
        }
    }
    if (item.contains("tags")) wf.tags = to_json_text(item["tags"]);
    wf.created_time = time_from(item, "createdTime", loaded_at, origin, wf_path);
    wf.changed_time = time_from(item, "changedTime", wf.created_time, origin, wf_path);
    return wf;
}

SiteRecord site_from(const nlohmann::json& item, const ResourceGroupRecord& group,
                     const std::string& origin, const std::string& site_path,
                     SystemTime loaded_at) {
    SiteRecord site{group.subscription_id, group.name, item["name"], "", "", "", {}};
    site.kind = item.value("kind", "functionapp,workflowapp");
    site.location = item.value("location", group.location);
    site.default_host_name =
        item.value("defaultHostName", ascii_lower(site.name) + ".azurewebsites.net");
    std::set<std::string> names;
    const auto wfs = item.value("workflows", nlohmann::json::array());
    for (std::size_t w = 0; w < wfs.size(); ++w) {
        const std::string wf_path = site_path + ".workflows[" + std::to_string(w) + "]";
        SiteWorkflowRecord wf{
            workflow_from(wfs[w], group, "Microsoft.Web/sites/" + site.name + "/workflows",
                          site.location, origin, wf_path, loaded_at),
            wfs[w].value("kind", "Stateful")};
        check_unique(names, wf.workflow.name, origin, wf_path + ".name", "workflow");
        site.workflows.push_back(std::move(wf));
    }
    return site;
}

}  // namespace

Seed parse_seed(const std::string& json_text, const std::string& origin) {
    auto parsed = parse_json(json_text);
    if (auto* error = std::get_if<JsonParseError>(&parsed)) fail(origin, "", error->message);
    const auto& doc = std::get<nlohmann::json>(parsed);
    if (auto violation = validate(Shape::SeedFile, doc)) {
        fail(origin, violation->path, violation->message);
    }

    Seed seed;
    seed.tenants = tenants_from(doc, origin);
    const SystemTime loaded_at = std::chrono::system_clock::now();
    std::set<std::string> subs;
    const auto& subscriptions = doc["subscriptions"];
    for (std::size_t s = 0; s < subscriptions.size(); ++s) {
        const auto& sub = subscriptions[s];
        const std::string sub_path = "subscriptions[" + std::to_string(s) + "]";
        const std::string sub_id = sub["subscriptionId"];
        check_unique(subs, sub_id, origin, sub_path + ".subscriptionId", "subscription");
        seed.subscriptions.push_back({sub_id, owning_tenant(sub, seed.tenants, origin, sub_path),
                                      sub.value("displayName", "")});

        std::set<std::string> groups;
        const auto rgs = sub.value("resourceGroups", nlohmann::json::array());
        for (std::size_t g = 0; g < rgs.size(); ++g) {
            const auto& rg = rgs[g];
            const std::string rg_path = sub_path + ".resourceGroups[" + std::to_string(g) + "]";
            ResourceGroupRecord group{sub_id, rg["name"], rg.value("location", "westus")};
            check_unique(groups, group.name, origin, rg_path + ".name", "resource group");
            seed.resource_groups.push_back(group);

            std::set<std::string> names;
            const auto wfs = rg.value("workflows", nlohmann::json::array());
            for (std::size_t w = 0; w < wfs.size(); ++w) {
                const auto& item = wfs[w];
                const std::string wf_path = rg_path + ".workflows[" + std::to_string(w) + "]";
                WorkflowRecord wf = workflow_from(item, group, "Microsoft.Logic/workflows",
                                                  group.location, origin, wf_path, loaded_at);
                check_unique(names, wf.name, origin, wf_path + ".name", "workflow");
                seed.workflows.push_back(std::move(wf));
            }
            std::set<std::string> site_names;
            const auto sites = rg.value("sites", nlohmann::json::array());
            for (std::size_t i = 0; i < sites.size(); ++i) {
                const std::string site_path = rg_path + ".sites[" + std::to_string(i) + "]";
                SiteRecord site = site_from(sites[i], group, origin, site_path, loaded_at);
                check_unique(site_names, site.name, origin, site_path + ".name", "site");
                seed.sites.push_back(std::move(site));
            }
        }
    }
    return seed;
}

Seed load_seed_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SeedError("seed file '" + path + "': cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_seed(text.str(), path);
}

Seed default_seed() {
    return parse_seed(std::string(embedded::default_seed_json), "fixtures/default-seed.json");
}

}  // namespace logicmock
