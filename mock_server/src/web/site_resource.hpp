#pragma once
// A Standard site, its workflows and their triggers as the Microsoft.Web API shows them
// (docs/logic-apps-standard.md). Never includes the access keys.

#include <nlohmann/json.hpp>
#include <string>

#include "logicmock/workflow_store.hpp"

namespace logicmock {

// "/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Web/sites/{name}"
std::string site_resource_id(const SiteRecord& site);

// GET .../sites/{name}: id, name, type, kind, location, properties (state, host names, ...).
nlohmann::json site_json(const SiteRecord& site);

// A WorkflowEnvelope; with_files adds properties.files (GET of one workflow, not the list).
nlohmann::json workflow_envelope_json(const SiteRecord& site, const SiteWorkflowRecord& workflow,
                                      bool with_files);

// A WorkflowTrigger with the runtime-relative ids of the hostruntime API.
nlohmann::json site_trigger_json(const WorkflowRecord& workflow, const TriggerRecord& trigger);

}  // namespace logicmock
