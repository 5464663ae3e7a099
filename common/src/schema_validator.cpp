#include "logicmock/schema_validator.hpp"

#include <array>
#include <deque>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "logicmock/json_text.hpp"

namespace logicmock::embedded {
extern const std::string_view logic_definitions_schema_json;
extern const std::string_view seed_schema_json;
extern const std::string_view fault_rules_schema_json;
}  // namespace logicmock::embedded

namespace logicmock {
namespace {

constexpr std::array kShapes{Shape::RegenerateActionParameter,
                             Shape::GetCallbackUrlParameters,
                             Shape::ErrorResponse,
                             Shape::WorkflowTriggerCallbackUrl,
                             Shape::SeedFile,
                             Shape::Workflow,
                             Shape::WorkflowListResult,
                             Shape::FaultRulesFile,
                             Shape::FaultRule,
                             Shape::FaultAction};

struct CompiledShape {
    nlohmann::json document;  // the schema document; kept for readable messages
    valijson::Schema schema;
};

void compile(CompiledShape& shape) {
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(shape.document);
    parser.populateSchema(adapter, shape.schema);
}

class Registry {
  public:
    Registry() {
        auto definitions = nlohmann::json::parse(embedded::logic_definitions_schema_json);
        auto faults = nlohmann::json::parse(embedded::fault_rules_schema_json);
        for (Shape s : kShapes) {
            auto& slot = shapes_[static_cast<std::size_t>(s)];
            if (s == Shape::SeedFile) {
                slot.document = nlohmann::json::parse(embedded::seed_schema_json);
            } else if (s == Shape::FaultRulesFile) {
                slot.document = faults;
            } else if (s == Shape::FaultRule || s == Shape::FaultAction) {
                // $ref beside root keywords is ignored in draft 7, so point a bare document at
                // the definition.
                slot.document = {{"definitions", faults["definitions"]},
                                 {"$ref", s == Shape::FaultRule ? "#/definitions/Rule"
                                                                : "#/definitions/Action"}};
            } else {
                slot.document = definitions;
                slot.document["$ref"] = "#/definitions/" + std::string(shape_name(s));
            }
            compile(slot);
        }
    }
    const CompiledShape& get(Shape s) const { return shapes_[static_cast<std::size_t>(s)]; }

  private:
    std::array<CompiledShape, kShapes.size()> shapes_;
};

const Registry& registry() {
    static const Registry instance;
    return instance;
}

// valijson context tokens look like "<root>", "[keyType]", "[0]".
std::vector<std::string> strip_context(const std::vector<std::string>& context) {
    std::vector<std::string> tokens;
    for (const auto& token : context) {
        if (token == "<root>") continue;
        if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
            tokens.push_back(token.substr(1, token.size() - 2));
        } else {
            tokens.push_back(token);
        }
    }
    return tokens;
}

const nlohmann::json* resolve_ref(const nlohmann::json& root, const nlohmann::json* node) {
    for (int hops = 0; node && node->is_object() && node->contains("$ref") && hops < 16; ++hops) {
        const auto& ref = (*node)["$ref"];
        if (!ref.is_string() || ref.get<std::string>().rfind("#", 0) != 0) return node;
        try {
            node = &root.at(nlohmann::json::json_pointer(ref.get<std::string>().substr(1)));
        } catch (const std::exception&) {
            return nullptr;
        }
    }
    return node;
}

struct Located {
    std::string path;
    const nlohmann::json* instance = nullptr;
    const nlohmann::json* schema = nullptr;
};

Located locate(const nlohmann::json& schema_root, const nlohmann::json& document,
               const std::vector<std::string>& tokens) {
    Located at{"", &document, resolve_ref(schema_root, &schema_root)};
    for (const auto& token : tokens) {
        const nlohmann::json* next_schema = nullptr;
        if (at.instance && at.instance->is_array()) {
            std::size_t index = std::strtoul(token.c_str(), nullptr, 10);
            at.path += "[" + token + "]";
            at.instance = index < at.instance->size() ? &(*at.instance)[index] : nullptr;
            if (at.schema && at.schema->contains("items")) next_schema = &(*at.schema)["items"];
        } else {
            at.path += (at.path.empty() ? "" : ".") + token;
            at.instance = (at.instance && at.instance->is_object() && at.instance->contains(token))
                              ? &(*at.instance)[token]
                              : nullptr;
            if (at.schema && at.schema->contains("properties") &&
                (*at.schema)["properties"].contains(token)) {
                next_schema = &(*at.schema)["properties"][token];
            }
        }
        at.schema = resolve_ref(schema_root, next_schema);
    }
    return at;
}

std::string quoted_list(const nlohmann::json& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += ", ";
        out += v.is_string() ? "'" + v.get<std::string>() + "'" : to_json_text(v);
    }
    return out;
}

bool is_wrapper(const std::string& description) {
    return description.rfind("Failed to validate against schema associated", 0) == 0 ||
           description.rfind("Failed to validate item", 0) == 0 ||
           description.rfind("Failed to validate against child schema", 0) == 0;
}

SchemaViolation describe(const CompiledShape& shape, const nlohmann::json& document,
                         const valijson::ValidationResults::Error& error) {
    Located at = locate(shape.document, document, strip_context(error.context));
    const std::string& d = error.description;
    const std::string value = at.instance ? to_json_text(*at.instance) : "null";
    SchemaViolation v{at.path, d};
    if (d.find("enum") != std::string::npos && at.schema && at.schema->contains("enum")) {
        v.message = "The value " + value + " is not one of the allowed values " +
                    quoted_list((*at.schema)["enum"]) + ".";
    } else if (d.find("'type' constraint") != std::string::npos && at.schema &&
               at.schema->contains("type")) {
        const auto& type = (*at.schema)["type"];
        v.message = "The value " + value + " is not of the required type " +
                    (type.is_array() ? quoted_list(type) : "'" + type.get<std::string>() + "'") +
                    ".";
    } else if (d.find("pattern") != std::string::npos && at.schema &&
               at.schema->contains("pattern")) {
        v.message = "The value " + value + " does not match the pattern '" +
                    (*at.schema)["pattern"].get<std::string>() + "'.";
    } else if (d.find("'properties' or 'additionalProperties'") != std::string::npos) {
        auto quote = d.rfind(": '");
        std::string name = quote == std::string::npos ? "" : d.substr(quote + 2);
        if (!name.empty() && name.back() == '.') name.pop_back();
        v.message = "The property " + name + " is not allowed here.";
    }
    return v;
}

}  // namespace

std::string_view shape_name(Shape shape) {
    switch (shape) {
        case Shape::RegenerateActionParameter:
            return "RegenerateActionParameter";
        case Shape::GetCallbackUrlParameters:
            return "GetCallbackUrlParameters";
        case Shape::ErrorResponse:
            return "ErrorResponse";
        case Shape::WorkflowTriggerCallbackUrl:
            return "WorkflowTriggerCallbackUrl";
        case Shape::SeedFile:
            return "SeedFile";
        case Shape::Workflow:
            return "Workflow";
        case Shape::WorkflowListResult:
            return "WorkflowListResult";
        case Shape::FaultRulesFile:
            return "FaultRulesFile";
        case Shape::FaultRule:
            return "FaultRule";
        case Shape::FaultAction:
            return "FaultAction";
    }
    return "unknown";
}

std::optional<SchemaViolation> validate(Shape shape, const nlohmann::json& document) {
    const CompiledShape& compiled = registry().get(shape);
    valijson::Validator validator;
    valijson::ValidationResults results;
    valijson::adapters::NlohmannJsonAdapter adapter(document);
    if (validator.validate(compiled.schema, adapter, &results)) return std::nullopt;

    // Report the most specific failure: the deepest one that is not a "child failed" wrapper,
    // preferring a type mismatch over an enum mismatch at the same place.
    std::optional<valijson::ValidationResults::Error> best;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        if (is_wrapper(error.description)) continue;
        bool deeper = !best || error.context.size() > best->context.size();
        bool same_but_type = best && error.context.size() == best->context.size() &&
                             error.description.find("'type'") != std::string::npos;
        if (deeper || same_but_type) best = error;
    }
    if (!best) return SchemaViolation{"", "The document does not match the schema."};
    return describe(compiled, document, *best);
}

std::string json_path_for_humans(const std::string& path) {
    if (path.empty()) return "$";
    return path.front() == '[' ? "$" + path : "$." + path;
}

}  // namespace logicmock
