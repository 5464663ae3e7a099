#pragma once
// The typed outcome of one logical call: success, an ARM error, a transport failure, or a
// response that breaks the published contract. Plus how the call went (attempts, time).

#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "logicmock/client/http.hpp"

namespace logicmock::client {

// A well-formed ARM error response ({"error":{"code","message"}}).
struct ArmError {
    int status = 0;
    std::string code;
    std::string message;
    std::string request_id;              // x-ms-request-id
    std::string correlation_request_id;  // x-ms-correlation-request-id
    std::string body;                    // raw, as received
};

// The server answered, but not in a shape the contract allows.
struct ContractError {
    int status = 0;
    std::string path;  // JSON path of the violation, Json.NET style; "" is the whole body
    std::string message;
    std::string body;  // raw, as received
};

// regenerateAccessKey declares a 200 without a body.
struct NoContent {};

// WorkflowTriggerCallbackUrl; absent properties are empty.
struct CallbackUrl {
    std::string value;
    std::string method;
    std::string base_path;
    std::string relative_path;
    std::vector<std::string> relative_path_parameters;
    std::map<std::string, std::string> queries;  // api-version, sp, sv, sig, se
    std::string body;                            // raw JSON, as received
};

enum class OutcomeKind { Success, ArmError, TransportError, ContractError };

std::string_view to_string(OutcomeKind kind);  // "success", "azure_error", ...

// Thrown by Result::value() when the call did not succeed.
class BadResultAccess : public std::logic_error {
  public:
    using std::logic_error::logic_error;
};

template <class T>
class Result {
  public:
    using Outcome = std::variant<T, ArmError, TransportError, ContractError>;

    Outcome outcome;
    int attempts = 0;
    std::chrono::milliseconds elapsed{0};
    std::string client_request_id;         // the same on every attempt
    std::optional<HttpResponse> response;  // the last response received, if any

    bool ok() const { return outcome.index() == 0; }
    explicit operator bool() const { return ok(); }
    OutcomeKind kind() const { return static_cast<OutcomeKind>(outcome.index()); }

    const T& value() const {
        if (!ok()) throw BadResultAccess("call did not succeed: " + std::string(to_string(kind())));
        return std::get<0>(outcome);
    }
    const ArmError* arm_error() const { return std::get_if<ArmError>(&outcome); }
    const TransportError* transport_error() const { return std::get_if<TransportError>(&outcome); }
    const ContractError* contract_error() const { return std::get_if<ContractError>(&outcome); }

    // HTTP status of the last response; 0 when there was none.
    int status() const { return response ? response->status : 0; }
};

}  // namespace logicmock::client
