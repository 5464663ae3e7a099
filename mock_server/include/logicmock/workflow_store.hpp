#pragma once
// The service state: tenants and their service principals, subscriptions, resource groups,
// workflows with their two access keys, and Logic Apps Standard sites with theirs.
// One small interface so the pipeline does not care where state lives; every method is safe to
// call from many request threads at once.

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "logicmock/key_type.hpp"

namespace logicmock {

using AccessKey = std::array<std::uint8_t, 32>;

struct TriggerRecord {
    std::string name;
    std::string type;               // "Request", "Recurrence", "Http", ...
    std::uint64_t invocations = 0;  // runtime calls accepted since start (not persisted)
};

struct WorkflowRecord {
    std::string subscription_id;
    std::string resource_group;  // names as first created; lookups ignore case
    std::string name;
    std::string location;
    std::string state;        // "Enabled" / "Disabled"
    std::string workflow_id;  // 32 hex digits, the runtime host's id for callback URLs
    std::vector<TriggerRecord> triggers;
    AccessKey primary_key{};
    AccessKey secondary_key{};
    std::uint64_t primary_rotations = 0;
    std::uint64_t secondary_rotations = 0;
    std::string definition;  // compact JSON of properties.definition; "" = built from triggers
    std::string tags;        // compact JSON object of the resource's tags; "" = {}
    std::chrono::system_clock::time_point created_time{};
    std::chrono::system_clock::time_point changed_time{};

    const TriggerRecord* find_trigger(std::string_view name) const;  // case-insensitive
};

// What put_workflow stored, and whether it created the workflow.
struct PutWorkflowResult {
    WorkflowRecord stored;
    bool created = false;
};

struct ResourceGroupRecord {
    std::string subscription_id;
    std::string name;
    std::string location;
};

// A subscription and the tenant that owns it (seed "tenantId"; the first tenant when absent,
// "" when the seed has no tenants).
struct SubscriptionRecord {
    std::string subscription_id;
    std::string tenant_id;
    std::string display_name;  // "" when the seed gives none
    bool operator==(const SubscriptionRecord&) const = default;
};

// An Entra ID application's service principal: what a client-credentials grant signs in as.
struct ServicePrincipalRecord {
    std::string client_id;  // the application (client) id, a GUID
    std::string object_id;  // the service principal's object id (token claims oid and sub)
    std::string display_name;
    std::vector<std::string> secrets;        // client secret values; never logged or listed
    std::vector<std::string> redirect_uris;  // where the sign-in page may send its users back
    bool operator==(const ServicePrincipalRecord&) const = default;
};

// A person who signs in on the sign-in page or with a device code (user tokens).
struct UserRecord {
    std::string user_principal_name;  // "dev@logicmock.onmicrosoft.com"
    std::string display_name;
    std::string object_id;  // token claim oid
    std::string password;   // never logged or listed
    bool operator==(const UserRecord&) const = default;
};

struct TenantRecord {
    std::string tenant_id;  // GUID
    std::string display_name;
    std::string default_domain;  // "" when the seed gives none
    std::vector<ServicePrincipalRecord> service_principals;
    std::vector<UserRecord> users;
    bool operator==(const TenantRecord&) const = default;
};

// Logic Apps Standard (docs/logic-apps-standard.md): a Microsoft.Web/sites resource of kind
// "functionapp,workflowapp" whose runtime hosts workflows, each with request triggers and two
// access keys. A site's workflow is a WorkflowRecord (its workflow_id signs callback URLs).
struct SiteWorkflowRecord {
    WorkflowRecord workflow;  // subscription, resource group, name, triggers, keys, times
    std::string kind;         // "Stateful" / "Stateless"
};

struct SiteRecord {
    std::string subscription_id;
    std::string resource_group;  // names as first created; lookups ignore case
    std::string name;
    std::string kind;               // "functionapp,workflowapp"
    std::string location;           // "westus"
    std::string default_host_name;  // "{name}.azurewebsites.net"
    std::vector<SiteWorkflowRecord> workflows;

    const SiteWorkflowRecord* find_workflow(const std::string& name) const;  // case-insensitive
};

// Names of a site's workflow as they arrive in a request path (already percent-decoded).
struct SiteWorkflowRef {
    std::string subscription_id;
    std::string resource_group;
    std::string site;
    std::string workflow;
};

// Names of a workflow as they arrive in a request path (already percent-decoded).
struct WorkflowRef {
    std::string subscription_id;
    std::string resource_group;
    std::string name;
};

class WorkflowStore {
  public:
    virtual ~WorkflowStore() = default;

    virtual bool has_subscription(const std::string& subscription_id) const = 0;
    virtual std::optional<SubscriptionRecord> find_subscription(
        const std::string& subscription_id) const = 0;
    virtual std::vector<SubscriptionRecord> subscriptions() const = 0;  // in seed order
    // The directory: tenants with their service principals (secrets included: in-process only).
    virtual std::vector<TenantRecord> tenants() const = 0;  // in seed order
    // By tenant id or default domain, case-insensitively.
    virtual std::optional<TenantRecord> find_tenant(const std::string& id_or_domain) const = 0;
    // Removes one secret of a service principal; false when there was no such secret.
    virtual bool revoke_secret(const std::string& tenant_id, const std::string& client_id,
                               const std::string& secret) = 0;

    virtual std::optional<ResourceGroupRecord> find_resource_group(
        const std::string& subscription_id, const std::string& resource_group) const = 0;
    virtual std::optional<WorkflowRecord> find_workflow(const WorkflowRef& ref) const = 0;

    // Replaces one key with new_key atomically; false when the workflow does not exist.
    virtual bool replace_key(const WorkflowRef& ref, KeySlot slot, const AccessKey& new_key) = 0;

    // Creates the workflow as given (keys, workflow id, times) or, when one of that name exists,
    // updates its location, state, definition, triggers, tags and changed time, keeping its
    // identity: keys, workflow id, created time and the name as first created.
    virtual PutWorkflowResult put_workflow(const WorkflowRecord& workflow) = 0;
    // false when there was no such workflow.
    virtual bool delete_workflow(const WorkflowRef& ref) = 0;
    // The runtime host's lookup: by the 32-hex workflow id of callback URLs (case-insensitive).
    virtual std::optional<WorkflowRecord> find_workflow_by_id(
        const std::string& workflow_id) const = 0;
    // Counts one accepted call of a trigger (TriggerRecord::invocations; never persisted);
    // false when the workflow or trigger no longer exists.
    virtual bool record_invocation(const std::string& workflow_id, const std::string& trigger) = 0;

    virtual std::vector<WorkflowRecord> all_workflows() const = 0;

    // Logic Apps Standard sites (names compare case-insensitively).
    virtual std::optional<SiteRecord> find_site(const std::string& subscription_id,
                                                const std::string& resource_group,
                                                const std::string& site) const = 0;
    virtual std::vector<SiteRecord> all_sites() const = 0;
    // Replaces one key of a site's workflow atomically; false when it does not exist.
    virtual bool replace_site_key(const SiteWorkflowRef& ref, KeySlot slot,
                                  const AccessKey& new_key) = 0;
    // Counts one accepted call of a site workflow's trigger (never persisted).
    virtual bool record_site_invocation(const SiteWorkflowRef& ref, const std::string& trigger) = 0;

    // Back to the seed the store was made from (POST /_mock/reset).
    virtual void reset_to_seed() = 0;
};

struct Seed;
// The in-memory store, filled from a seed.
std::shared_ptr<WorkflowStore> make_memory_store(const Seed& seed);

}  // namespace logicmock
