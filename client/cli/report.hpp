#pragma once
// What logicmock-client prints and how it exits.

#include <string>

#include "cli_args.hpp"
#include "logicmock/client/credential.hpp"
#include "logicmock/client/result.hpp"

namespace logicmock::client::cli {

inline constexpr int kExitSuccess = 0;
inline constexpr int kExitServiceError = 1;  // ARM error or contract error
inline constexpr int kExitUsage = 2;
inline constexpr int kExitTransport = 3;

int exit_code(OutcomeKind kind);

std::string report_json(Command command, const Result<NoContent>& result);
std::string report_json(Command command, const Result<CallbackUrl>& result);
// Sign-in failed before (or while) calling ARM: outcome signin_error. Never holds the secret.
std::string signin_error_json(Command command, const TokenOutcome& outcome);
int signin_exit_code(const TokenOutcome& outcome);  // 3 for a transport failure, else 1
std::string usage_error_json(const std::string& message);

}  // namespace logicmock::client::cli
