#pragma once
// A workflow as ARM shows it (the Workflow shape of Workflows_Get.json) and the pieces the
// callback URL and workflow operations share. Never includes the access keys.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"
#include "state/workflow_definition.hpp"

namespace logicmock {

// Where callback URLs point: --runtime-base-url, else this server's own URL, without a
// trailing slash.
std::string runtime_base_url(const ServiceOptions& options);
// Azure's own runtime host for a workflow in location, as its callback URLs name it:
// "https://prod-00.westus.logic.azure.com:443" (basePath has no ":443"). Used for requests that
// came through the proxy or named an Azure host, and with --azure-host-urls
// (docs/callbacks-and-state.md).
std::string azure_runtime_host(std::string_view location, const ServiceOptions& options,
                               bool with_port);

// "/subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Logic/workflows/{name}"
std::string workflow_resource_id(const WorkflowRecord& workflow);

// The stored definition, or one built from the triggers (seeded workflows).
nlohmann::json workflow_definition(const WorkflowRecord& workflow);

// The GET body: id, name, type, location, tags and properties (state, version, times, ...).
nlohmann::json workflow_resource_json(const WorkflowRecord& workflow, const ServiceOptions& options,
                                      bool azure_hosts = false);

// A percent-encoded URL path segment or query value (RFC 3986 unreserved kept).
std::string url_encode(std::string_view text);

}  // namespace logicmock
