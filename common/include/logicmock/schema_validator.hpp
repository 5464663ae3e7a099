#pragma once
// Validation of JSON documents against the schemas in schemas/ (compiled into the binary).
// One place that knows the schema files; server, client and seed loader all call this.

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace logicmock {

enum class Shape {
    RegenerateActionParameter,
    GetCallbackUrlParameters,
    ErrorResponse,
    WorkflowTriggerCallbackUrl,
    SeedFile,
    Workflow,
    WorkflowListResult,
    FaultRulesFile,  // schemas/fault-rules.schema.json: a --faults file
    FaultRule,       // ... one rule (POST /_mock/faults)
    FaultAction,     // ... one action (the x-mock-fault header)
};

std::string_view shape_name(Shape shape);

struct SchemaViolation {
    std::string path;     // Json.NET style: "" (root), "keyType", "subscriptions[0].name"
    std::string message;  // one sentence naming the rule, e.g. the allowed values of an enum
};

// Thread-safe; schemas are parsed once, on first use.
std::optional<SchemaViolation> validate(Shape shape, const nlohmann::json& document);

// "$.a[0].b" for messages that name a location in a file.
std::string json_path_for_humans(const std::string& path);

}  // namespace logicmock
