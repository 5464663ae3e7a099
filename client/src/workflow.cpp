#include "logicmock/client/workflow.hpp"

namespace logicmock::client {
namespace {

bool is_unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string_view to_string(KeyType key_type) {
    switch (key_type) {
        case KeyType::Primary:
            return "Primary";
        case KeyType::Secondary:
            return "Secondary";
        case KeyType::NotSpecified:
            break;
    }
    return "NotSpecified";
}

std::optional<KeyType> parse_key_type(std::string_view text) {
    for (KeyType k : {KeyType::NotSpecified, KeyType::Primary, KeyType::Secondary}) {
        if (text == to_string(k)) return k;
    }
    return std::nullopt;
}

std::string encode_path_segment(std::string_view segment) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    const bool dot_segment = segment == "." || segment == "..";
    std::string out;
    out.reserve(segment.size());
    for (unsigned char c : segment) {
        if (is_unreserved(c) && !dot_segment) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::string workflow_path(const Workflow& workflow) {
    const std::string group = "/subscriptions/" + encode_path_segment(workflow.subscription_id) +
                              "/resourceGroups/" + encode_path_segment(workflow.resource_group);
    if (!workflow.site.empty()) {
        return group + "/providers/Microsoft.Web/sites/" + encode_path_segment(workflow.site) +
               "/hostruntime/runtime/webhooks/workflow/api/management/workflows/" +
               encode_path_segment(workflow.name);
    }
    return group + "/providers/Microsoft.Logic/workflows/" + encode_path_segment(workflow.name);
}

std::string action_target(const Workflow& workflow, std::string_view action) {
    return workflow_path(workflow) + "/" + std::string(action) +
           "?api-version=" + std::string(workflow.site.empty() ? kApiVersion : kStandardApiVersion);
}

}  // namespace logicmock::client
