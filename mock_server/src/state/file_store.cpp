// FileStore: decorates the memory store. A change is applied to a scratch copy first, the copy
// is saved, and only then is the change applied to the live store, so readers never see state
// that is not yet on disk and a failed save changes nothing (the request gets a 500).

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <type_traits>

#include "logicmock/file_store.hpp"
#include "state/seed_writer.hpp"
#include "util/private_file.hpp"

namespace logicmock {
namespace {

void write_atomically(const std::string& path, const std::string& text) {
    write_private_file(path, text, "state file");
}

class FileStore final : public WorkflowStore {
  public:
    FileStore(std::string path, const Seed& initial) : path_(std::move(path)), initial_(initial) {
        Seed state = initial;
        if (std::filesystem::exists(path_)) {
            state = load();
        } else {
            try {
                save(state);
            } catch (const std::exception& e) {
                throw StateFileError(e.what());
            }
        }
        subscriptions_ = state.subscriptions;
        groups_ = state.resource_groups;
        live_ = make_memory_store(state);
    }

    // Back to the seed this server was started with (not the state file it loaded), saved first.
    void reset_to_seed() override {
        std::lock_guard lock(change_mutex_);
        save(initial_);
        subscriptions_ = initial_.subscriptions;
        groups_ = initial_.resource_groups;
        live_.store(make_memory_store(initial_));
    }

    bool has_subscription(const std::string& subscription_id) const override {
        return live_.load()->has_subscription(subscription_id);
    }
    std::optional<ResourceGroupRecord> find_resource_group(
        const std::string& subscription_id, const std::string& resource_group) const override {
        return live_.load()->find_resource_group(subscription_id, resource_group);
    }
    std::optional<WorkflowRecord> find_workflow(const WorkflowRef& ref) const override {
        return live_.load()->find_workflow(ref);
    }
    std::optional<SubscriptionRecord> find_subscription(
        const std::string& subscription_id) const override {
        return live_.load()->find_subscription(subscription_id);
    }
    std::vector<SubscriptionRecord> subscriptions() const override {
        return live_.load()->subscriptions();
    }
    std::vector<TenantRecord> tenants() const override { return live_.load()->tenants(); }
    std::optional<TenantRecord> find_tenant(const std::string& id_or_domain) const override {
        return live_.load()->find_tenant(id_or_domain);
    }
    bool revoke_secret(const std::string& tenant_id, const std::string& client_id,
                       const std::string& secret) override {
        return change(
            [&](WorkflowStore& s) { return s.revoke_secret(tenant_id, client_id, secret); });
    }
    bool replace_key(const WorkflowRef& ref, KeySlot slot, const AccessKey& new_key) override {
        return change([&](WorkflowStore& s) { return s.replace_key(ref, slot, new_key); });
    }
    PutWorkflowResult put_workflow(const WorkflowRecord& workflow) override {
        return change([&](WorkflowStore& s) { return s.put_workflow(workflow); });
    }
    bool delete_workflow(const WorkflowRef& ref) override {
        return change([&](WorkflowStore& s) { return s.delete_workflow(ref); });
    }
    std::optional<WorkflowRecord> find_workflow_by_id(
        const std::string& workflow_id) const override {
        return live_.load()->find_workflow_by_id(workflow_id);
    }
    bool record_invocation(const std::string& workflow_id, const std::string& trigger) override {
        return live_.load()->record_invocation(workflow_id, trigger);  // counts are not persisted
    }
    std::vector<WorkflowRecord> all_workflows() const override {
        return live_.load()->all_workflows();
    }
    std::optional<SiteRecord> find_site(const std::string& subscription_id,
                                        const std::string& resource_group,
                                        const std::string& site) const override {
        return live_.load()->find_site(subscription_id, resource_group, site);
    }
    std::vector<SiteRecord> all_sites() const override { return live_.load()->all_sites(); }
    bool replace_site_key(const SiteWorkflowRef& ref, KeySlot slot,
                          const AccessKey& new_key) override {
        return change([&](WorkflowStore& s) { return s.replace_site_key(ref, slot, new_key); });
    }
    bool record_site_invocation(const SiteWorkflowRef& ref, const std::string& trigger) override {
        return live_.load()->record_site_invocation(ref, trigger);  // counts are not persisted
    }

  private:
    template <typename Fn>
    std::invoke_result_t<Fn&, WorkflowStore&> change(Fn&& apply) {
        std::lock_guard lock(change_mutex_);
        auto live = live_.load();
        auto scratch = make_memory_store(snapshot(*live));
        auto result = apply(*scratch);
        if constexpr (std::is_same_v<decltype(result), bool>) {
            if (!result) return result;  // nothing changed
        }
        save(snapshot(*scratch));
        return apply(*live);
    }

    Seed snapshot(const WorkflowStore& store) const {
        return Seed{subscriptions_, groups_, store.all_workflows(), store.tenants(),
                    store.all_sites()};
    }

    void save(const Seed& state) const {
        const std::string text = seed_to_json(state);
        try {
            parse_seed(text, path_);  // never write a file the next start would refuse
        } catch (const SeedError& e) {
            throw std::runtime_error(std::string("state file: refusing to write: ") + e.what());
        }
        write_atomically(path_, text);
    }

    Seed load() const {
        std::ifstream in(path_, std::ios::binary);
        if (!in) throw StateFileError("state file '" + path_ + "' cannot be opened");
        std::ostringstream text;
        text << in.rdbuf();
        try {
            return parse_seed(text.str(), path_);
        } catch (const SeedError& e) {
            throw StateFileError("state file '" + path_ +
                                 "' is corrupt or invalid and was left untouched: " + e.what());
        }
    }

    std::string path_;
    std::vector<SubscriptionRecord> subscriptions_;
    std::vector<ResourceGroupRecord> groups_;
    const Seed initial_;
    // Swapped whole by reset_to_seed while readers use it, hence atomic.
    std::atomic<std::shared_ptr<WorkflowStore>> live_;
    std::mutex change_mutex_;
};

}  // namespace

std::shared_ptr<WorkflowStore> make_file_store(const std::string& path, const Seed& initial) {
    return std::make_shared<FileStore>(path, initial);
}

}  // namespace logicmock
