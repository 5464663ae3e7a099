#include "logicmock/client/result.hpp"

namespace logicmock::client {

std::string_view to_string(OutcomeKind kind) {
    switch (kind) {
        case OutcomeKind::Success:
            return "success";
        case OutcomeKind::ArmError:
            return "azure_error";
        case OutcomeKind::TransportError:
            return "transport_error";
        case OutcomeKind::ContractError:
            break;
    }
    return "contract_error";
}

}  // namespace logicmock::client
