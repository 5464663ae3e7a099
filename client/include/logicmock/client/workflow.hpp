#pragma once
// Names of a Logic Apps workflow and the ARM paths built from them.

#include <optional>
#include <string>
#include <string_view>

namespace logicmock::client {

inline constexpr std::string_view kApiVersion = "2019-05-01";
// Logic Apps Standard: the Microsoft.Web/sites api-version of the hostruntime paths.
inline constexpr std::string_view kStandardApiVersion = "2022-03-01";

struct Workflow {
    std::string subscription_id;
    std::string resource_group;
    std::string name;
    std::string site = {};  // non-empty: a Logic Apps Standard workflow of this Microsoft.Web site

    friend bool operator==(const Workflow&, const Workflow&) = default;
};

// The spec's KeyType enum.
enum class KeyType { NotSpecified, Primary, Secondary };

std::string_view to_string(KeyType key_type);
std::optional<KeyType> parse_key_type(std::string_view text);  // exact, case-sensitive

// Percent-encodes one path segment: RFC 3986 unreserved characters are kept, every other
// byte becomes %XX. A segment that is "." or ".." is encoded too, so it cannot act as a
// dot-segment.
std::string encode_path_segment(std::string_view segment);

// "/subscriptions/S/resourceGroups/G/providers/Microsoft.Logic/workflows/W" (encoded), or with
// a site ".../providers/Microsoft.Web/sites/SITE/hostruntime/runtime/webhooks/workflow/api/
// management/workflows/W".
std::string workflow_path(const Workflow& workflow);

// workflow_path(...) + "/" + action + "?api-version=2019-05-01" (2022-03-01 with a site);
// action is already a path.
std::string action_target(const Workflow& workflow, std::string_view action);

}  // namespace logicmock::client
