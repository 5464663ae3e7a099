#pragma once
// What a Logic Apps Standard callback URL signs: callback_signature's recipe over the site
// workflow's workflow id and scope "/triggers/{trigger}", with sp "/triggers/{trigger}/run",
// sv "1.0" and no se (docs/logic-apps-standard.md).

#include <string_view>

#include "runtime/callback_signature.hpp"

namespace logicmock {

SignedFields standard_signed_fields(const WorkflowRecord& workflow, std::string_view trigger);

}  // namespace logicmock
