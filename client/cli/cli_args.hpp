#pragma once
// Command line of logicmock-client: parsing and the --help text. No I/O here.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "logicmock/client/workflow.hpp"

namespace logicmock::client::cli {

enum class Command { Regenerate, CallbackUrl, TriggerCallbackUrl };

struct CliArgs {
    Command command = Command::Regenerate;
    Workflow workflow;
    std::optional<KeyType> key_type;
    std::optional<std::string> not_after;
    std::string trigger;
    std::string base_url = "https://management.azure.com";
    std::optional<std::string> token;  // --token; else AZURE_ACCESS_TOKEN is read
    // Sign-in (client credentials): each falls back to AZURE_TENANT_ID, AZURE_CLIENT_ID,
    // AZURE_CLIENT_SECRET, AZURE_AUTHORITY_HOST; see resolve_sign_in in main.cpp.
    std::optional<std::string> tenant;
    std::optional<std::string> client_id;
    std::optional<std::string> client_secret;
    std::optional<std::string> authority_host;
    std::optional<std::string> scope;  // default: {base-url}/.default
    std::string ca_file;
    bool insecure = false;
    std::optional<std::string> proxy;  // --proxy: instead of HTTPS_PROXY / HTTP_PROXY
    bool no_proxy = false;             // --no-proxy: never a proxy
    int retries = 3;
    std::optional<int> timeout_ms;
};

struct HelpRequested {};
struct VersionRequested {};
struct UsageError {
    std::string message;
};

using ParsedArgs = std::variant<CliArgs, HelpRequested, VersionRequested, UsageError>;

ParsedArgs parse_cli_args(const std::vector<std::string>& args);  // args without argv[0]

std::string_view command_name(Command command);
const char* help_text();

}  // namespace logicmock::client::cli
