#pragma once
// Turns one HTTP response into the typed outcome of an operation, checking the body against
// the published schemas (logicmock::validate) on the way.

#include <variant>

#include "logicmock/client/result.hpp"

namespace logicmock::client {

template <class T>
using Typed = std::variant<T, ArmError, ContractError>;

// A non-success response: ArmError when the body is a valid ErrorResponse.
Typed<NoContent> type_error_response(const HttpResponse& response);

// regenerateAccessKey: 200 with an empty body, or with JSON (tolerated).
Typed<NoContent> type_no_content(const HttpResponse& response);

// listCallbackUrl: 200 with a WorkflowTriggerCallbackUrl.
Typed<CallbackUrl> type_callback_url(const HttpResponse& response);

// send_raw: any 2xx is success, unchecked.
Typed<HttpResponse> type_raw(const HttpResponse& response);

}  // namespace logicmock::client
