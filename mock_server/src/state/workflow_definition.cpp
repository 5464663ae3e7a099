#include "state/workflow_definition.hpp"

namespace logicmock {

std::vector<TriggerRecord> triggers_from_definition(const nlohmann::json& definition) {
    std::vector<TriggerRecord> out;
    if (!definition.is_object() || !definition.contains("triggers")) return out;
    const auto& triggers = definition["triggers"];
    if (!triggers.is_object()) return out;
    for (const auto& [name, trigger] : triggers.items()) {
        std::string type =
            trigger.is_object() && trigger.contains("type") && trigger["type"].is_string()
                ? trigger["type"].get<std::string>()
                : "";
        out.push_back(TriggerRecord{name, type});
    }
    return out;
}

}  // namespace logicmock
