#pragma once
// The trigger records the store keeps for a workflow, read from its definition (seed files and
// workflow PUT bodies alike).

#include <nlohmann/json.hpp>
#include <vector>

#include "logicmock/workflow_store.hpp"

namespace logicmock {

// definition.triggers as records, ordered by name (JSON objects keep no order here).
std::vector<TriggerRecord> triggers_from_definition(const nlohmann::json& definition);

}  // namespace logicmock
