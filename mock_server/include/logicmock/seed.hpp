#pragma once
// The seed: the tenants, subscriptions, resource groups and workflows a server starts with.
// Seed files are JSON validated by schemas/seed.schema.json.

#include <stdexcept>
#include <string>
#include <vector>

#include "logicmock/workflow_store.hpp"

namespace logicmock {

struct Seed {
    std::vector<SubscriptionRecord> subscriptions;
    std::vector<ResourceGroupRecord> resource_groups;
    std::vector<WorkflowRecord> workflows;  // keys filled in (from the file or random)
    std::vector<TenantRecord> tenants;      // Entra ID tenants and their service principals
    std::vector<SiteRecord> sites;          // Logic Apps Standard (resource group "sites")
};

// A seed file that cannot be used; what() names the file, the JSON path and the problem.
class SeedError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

Seed load_seed_file(const std::string& path);                              // throws SeedError
Seed parse_seed(const std::string& json_text, const std::string& origin);  // throws SeedError
// The default seed (fixtures/default-seed.json, compiled in): the published sample's resources.
Seed default_seed();

}  // namespace logicmock
