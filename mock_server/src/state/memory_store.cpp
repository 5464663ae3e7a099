#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>

#include "logicmock/seed.hpp"
#include "logicmock/workflow_store.hpp"

#include "logicmock/http_headers.hpp"

namespace logicmock {
namespace {

// ARM compares names case-insensitively, so every index key is lower-cased.
std::string group_key(std::string_view sub, std::string_view rg) {
    return ascii_lower(sub) + '\n' + ascii_lower(rg);
}
std::string workflow_key(const WorkflowRef& ref) {
    return group_key(ref.subscription_id, ref.resource_group) + '\n' + ascii_lower(ref.name);
}
std::string site_key(std::string_view sub, std::string_view rg, std::string_view site) {
    return group_key(sub, rg) + '\n' + ascii_lower(site);
}

class MemoryStore final : public WorkflowStore {
  public:
    explicit MemoryStore(const Seed& seed) : seed_(seed) {
        for (const auto& sub : seed.subscriptions) {
            subscriptions_[ascii_lower(sub.subscription_id)] = sub;
        }
        for (const auto& rg : seed.resource_groups) {
            groups_[group_key(rg.subscription_id, rg.name)] = rg;
        }
        for (const auto& wf : seed.workflows) {
            const std::string key = workflow_key({wf.subscription_id, wf.resource_group, wf.name});
            workflows_[key] = wf;
            ids_[ascii_lower(wf.workflow_id)] = key;
        }
        for (const auto& site : seed.sites) {
            sites_[site_key(site.subscription_id, site.resource_group, site.name)] = site;
        }
    }

    bool has_subscription(const std::string& subscription_id) const override {
        const std::string key = ascii_lower(subscription_id);
        std::shared_lock lock(mutex_);
        return subscriptions_.count(key) > 0;
    }

    std::optional<SubscriptionRecord> find_subscription(
        const std::string& subscription_id) const override {
        const std::string key = ascii_lower(subscription_id);
        std::shared_lock lock(mutex_);
        auto it = subscriptions_.find(key);
        if (it == subscriptions_.end()) return std::nullopt;
        return it->second;
    }

    std::vector<SubscriptionRecord> subscriptions() const override {
        return seed_.subscriptions;  // subscriptions never change after the seed
    }

    std::vector<TenantRecord> tenants() const override {
        std::shared_lock lock(mutex_);
        return tenants_;
    }

    std::optional<TenantRecord> find_tenant(const std::string& id_or_domain) const override {
        const std::string wanted = ascii_lower(id_or_domain);
        std::shared_lock lock(mutex_);
        for (const auto& tenant : tenants_) {
            if (ascii_lower(tenant.tenant_id) == wanted ||
                (!tenant.default_domain.empty() && ascii_lower(tenant.default_domain) == wanted)) {
                return tenant;
            }
        }
        return std::nullopt;
    }

    bool revoke_secret(const std::string& tenant_id, const std::string& client_id,
                       const std::string& secret) override {
        std::unique_lock lock(mutex_);
        for (auto& tenant : tenants_) {
            if (ascii_lower(tenant.tenant_id) != ascii_lower(tenant_id)) continue;
            for (auto& sp : tenant.service_principals) {
                if (ascii_lower(sp.client_id) != ascii_lower(client_id)) continue;
                auto it = std::find(sp.secrets.begin(), sp.secrets.end(), secret);
                if (it == sp.secrets.end()) return false;
                sp.secrets.erase(it);
                return true;
            }
        }
        return false;
    }

    std::optional<ResourceGroupRecord> find_resource_group(
        const std::string& subscription_id, const std::string& resource_group) const override {
        const std::string key = group_key(subscription_id, resource_group);
        std::shared_lock lock(mutex_);
        auto it = groups_.find(key);
        if (it == groups_.end()) return std::nullopt;
        return it->second;
    }

    std::optional<WorkflowRecord> find_workflow(const WorkflowRef& ref) const override {
        const std::string key = workflow_key(ref);
        std::shared_lock lock(mutex_);
        auto it = workflows_.find(key);
        if (it == workflows_.end()) return std::nullopt;
        return it->second;
    }

    bool replace_key(const WorkflowRef& ref, KeySlot slot, const AccessKey& new_key) override {
        const std::string key = workflow_key(ref);  // built before the exclusive lock is taken
        std::unique_lock lock(mutex_);
        auto it = workflows_.find(key);
        if (it == workflows_.end()) return false;
        rotate(it->second, slot, new_key);
        return true;
    }

    PutWorkflowResult put_workflow(const WorkflowRecord& workflow) override {
        const std::string key =
            workflow_key({workflow.subscription_id, workflow.resource_group, workflow.name});
        std::unique_lock lock(mutex_);
        auto it = workflows_.find(key);
        if (it == workflows_.end()) {
            workflows_[key] = workflow;
            ids_[ascii_lower(workflow.workflow_id)] = key;
            return {workflow, true};
        }
        WorkflowRecord& wf = it->second;
        std::vector<TriggerRecord> triggers = workflow.triggers;
        for (auto& trigger : triggers) {
            if (const TriggerRecord* old = find_trigger(wf, trigger.name)) {
                trigger.invocations = old->invocations;
            }
        }
        wf.location = workflow.location;
        wf.state = workflow.state;
        wf.definition = workflow.definition;
        wf.tags = workflow.tags;
        wf.changed_time = workflow.changed_time;
        wf.triggers = std::move(triggers);
        return {wf, false};
    }

    bool delete_workflow(const WorkflowRef& ref) override {
        const std::string key = workflow_key(ref);
        std::unique_lock lock(mutex_);
        auto it = workflows_.find(key);
        if (it == workflows_.end()) return false;
        ids_.erase(ascii_lower(it->second.workflow_id));
        workflows_.erase(it);
        return true;
    }

    std::optional<WorkflowRecord> find_workflow_by_id(
        const std::string& workflow_id) const override {
        const std::string key = ascii_lower(workflow_id);
        std::shared_lock lock(mutex_);
        auto id = ids_.find(key);
        if (id == ids_.end()) return std::nullopt;
        return workflows_.at(id->second);
    }

    bool record_invocation(const std::string& workflow_id, const std::string& trigger) override {
        const std::string key = ascii_lower(workflow_id);
        std::unique_lock lock(mutex_);
        auto id = ids_.find(key);
        if (id == ids_.end()) return false;
        TriggerRecord* found = find_trigger(workflows_.at(id->second), trigger);
        if (!found) return false;
        ++found->invocations;
        return true;
    }

    std::vector<WorkflowRecord> all_workflows() const override {
        std::shared_lock lock(mutex_);
        std::vector<WorkflowRecord> out;
        out.reserve(workflows_.size());
        for (const auto& [key, wf] : workflows_) out.push_back(wf);
        return out;
    }

    std::optional<SiteRecord> find_site(const std::string& subscription_id,
                                        const std::string& resource_group,
                                        const std::string& site) const override {
        const std::string key = site_key(subscription_id, resource_group, site);
        std::shared_lock lock(mutex_);
        auto it = sites_.find(key);
        if (it == sites_.end()) return std::nullopt;
        return it->second;
    }

    std::vector<SiteRecord> all_sites() const override {
        std::shared_lock lock(mutex_);
        std::vector<SiteRecord> out;
        out.reserve(sites_.size());
        for (const auto& [key, site] : sites_) out.push_back(site);
        return out;
    }

    bool replace_site_key(const SiteWorkflowRef& ref, KeySlot slot,
                          const AccessKey& new_key) override {
        const std::string key = site_key(ref.subscription_id, ref.resource_group, ref.site);
        std::unique_lock lock(mutex_);
        WorkflowRecord* wf = site_workflow(key, ref.workflow);
        if (!wf) return false;
        rotate(*wf, slot, new_key);
        return true;
    }

    bool record_site_invocation(const SiteWorkflowRef& ref, const std::string& trigger) override {
        const std::string key = site_key(ref.subscription_id, ref.resource_group, ref.site);
        std::unique_lock lock(mutex_);
        WorkflowRecord* wf = site_workflow(key, ref.workflow);
        TriggerRecord* found = wf ? find_trigger(*wf, trigger) : nullptr;
        if (!found) return false;
        ++found->invocations;
        return true;
    }

    void reset_to_seed() override {
        MemoryStore fresh(seed_);
        std::unique_lock lock(mutex_);
        subscriptions_.swap(fresh.subscriptions_);
        groups_.swap(fresh.groups_);
        workflows_.swap(fresh.workflows_);
        tenants_.swap(fresh.tenants_);
        sites_.swap(fresh.sites_);
    }

  private:
    static void rotate(WorkflowRecord& wf, KeySlot slot, const AccessKey& new_key) {
        if (slot == KeySlot::Primary) {
            wf.primary_key = new_key;
            ++wf.primary_rotations;
        } else {
            wf.secondary_key = new_key;
            ++wf.secondary_rotations;
        }
    }

    template <typename Workflow>
    static auto find_trigger(Workflow& wf, std::string_view name) -> decltype(&wf.triggers[0]) {
        for (auto& trigger : wf.triggers) {
            if (ascii_lower(trigger.name) == ascii_lower(name)) return &trigger;
        }
        return nullptr;
    }

    // Caller holds the exclusive lock.
    WorkflowRecord* site_workflow(const std::string& key, std::string_view name) {
        auto it = sites_.find(key);
        if (it == sites_.end()) return nullptr;
        for (auto& wf : it->second.workflows) {
            if (iequals(wf.workflow.name, name)) return &wf.workflow;
        }
        return nullptr;
    }

    const Seed seed_;  // kept for reset_to_seed
    mutable std::shared_mutex mutex_;
    std::map<std::string, SubscriptionRecord> subscriptions_;  // by lower-cased id
    std::vector<TenantRecord> tenants_ = seed_.tenants;
    std::map<std::string, ResourceGroupRecord> groups_;
    std::map<std::string, WorkflowRecord> workflows_;
    std::map<std::string, std::string> ids_;   // lower-cased workflow id -> workflows_ key
    std::map<std::string, SiteRecord> sites_;  // by site_key
};

}  // namespace

std::shared_ptr<WorkflowStore> make_memory_store(const Seed& seed) {
    return std::make_shared<MemoryStore>(seed);
}

}  // namespace logicmock
