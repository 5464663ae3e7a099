#include "cli_args.hpp"

#include <charconv>
#include <map>

namespace logicmock::client::cli {
namespace {

const std::map<std::string, Command, std::less<>> kCommands = {
    {"regenerate", Command::Regenerate},
    {"callback-url", Command::CallbackUrl},
    {"trigger-callback-url", Command::TriggerCallbackUrl},
};

std::optional<int> parse_int(const std::string& text, int min, int max) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

// Applies one "--name value" option; returns an error message or nothing.
std::optional<std::string> apply(CliArgs& args, const std::string& name, const std::string& value) {
    const bool callback = args.command == Command::CallbackUrl;
    const bool trigger = args.command == Command::TriggerCallbackUrl;
    if (name == "--subscription") {
        args.workflow.subscription_id = value;
    } else if (name == "--resource-group") {
        args.workflow.resource_group = value;
    } else if (name == "--workflow") {
        args.workflow.name = value;
    } else if (name == "--site" && !callback) {
        args.workflow.site = value;
    } else if (name == "--key-type" && !trigger) {
        args.key_type = parse_key_type(value);
        if (!args.key_type) return "--key-type must be Primary, Secondary or NotSpecified";
    } else if (name == "--not-after" && callback) {
        args.not_after = value;
    } else if (name == "--trigger" && trigger) {
        args.trigger = value;
    } else if (name == "--base-url") {
        args.base_url = value;
    } else if (name == "--token") {
        args.token = value;
    } else if (name == "--tenant") {
        args.tenant = value;
    } else if (name == "--client-id") {
        args.client_id = value;
    } else if (name == "--client-secret") {
        args.client_secret = value;
    } else if (name == "--authority-host") {
        args.authority_host = value;
    } else if (name == "--scope") {
        args.scope = value;
    } else if (name == "--ca-file") {
        args.ca_file = value;
    } else if (name == "--proxy") {
        if (value.empty()) return "--proxy needs a URL (--no-proxy turns proxies off)";
        args.proxy = value;
    } else if (name == "--retries") {
        auto n = parse_int(value, 0, 20);
        if (!n) return "--retries must be an integer from 0 to 20";
        args.retries = *n;
    } else if (name == "--timeout-ms") {
        auto n = parse_int(value, 1, 3'600'000);
        if (!n) return "--timeout-ms must be an integer from 1 to 3600000";
        args.timeout_ms = *n;
    } else {
        return "unknown option " + name + " for " + std::string(command_name(args.command));
    }
    return std::nullopt;
}

std::optional<std::string> missing_required(const CliArgs& args) {
    if (args.workflow.subscription_id.empty()) return "--subscription is required";
    if (args.workflow.resource_group.empty()) return "--resource-group is required";
    if (args.workflow.name.empty()) return "--workflow is required";
    if (args.command == Command::Regenerate && !args.key_type) return "--key-type is required";
    if (args.command == Command::TriggerCallbackUrl && args.trigger.empty()) {
        return "--trigger is required";
    }
    if (args.token && (args.tenant || args.client_id || args.client_secret)) {
        return "--token and sign-in (--tenant, --client-id, --client-secret) exclude each other";
    }
    if (args.insecure && !args.ca_file.empty()) {
        return "--insecure and --ca-file exclude each other";
    }
    if (args.no_proxy && args.proxy) return "--proxy and --no-proxy exclude each other";
    return std::nullopt;
}

}  // namespace

std::string_view command_name(Command command) {
    for (const auto& [name, value] : kCommands) {
        if (value == command) return name;
    }
    return "?";
}

ParsedArgs parse_cli_args(const std::vector<std::string>& argv) {
    for (const auto& arg : argv) {
        if (arg == "--help" || arg == "-h") return HelpRequested{};
        if (arg == "--version") return VersionRequested{};
    }
    if (argv.empty()) return UsageError{"missing command"};
    auto command = kCommands.find(argv[0]);
    if (command == kCommands.end()) return UsageError{"unknown command '" + argv[0] + "'"};

    CliArgs args;
    args.command = command->second;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        std::string name = argv[i], value;
        if (name.rfind("--", 0) != 0) return UsageError{"unexpected argument '" + name + "'"};
        if (name == "--insecure") {
            args.insecure = true;
            continue;
        }
        if (name == "--no-proxy") {
            args.no_proxy = true;
            continue;
        }
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name.resize(eq);
        } else if (i + 1 < argv.size()) {
            value = argv[++i];
        } else {
            return UsageError{name + " needs a value"};
        }
        if (auto error = apply(args, name, value)) return UsageError{*error};
    }
    if (auto error = missing_required(args)) return UsageError{*error};
    return args;
}

const char* help_text() {
    return R"(logicmock-client: call Microsoft.Logic workflow key operations (api-version 2019-05-01)
on real Azure or on a logicmock server, and print the outcome as one JSON object.

Usage:
  logicmock-client regenerate           WORKFLOW --key-type Primary|Secondary|NotSpecified [COMMON]
  logicmock-client callback-url         WORKFLOW [--not-after DATE-TIME] [--key-type TYPE] [COMMON]
  logicmock-client trigger-callback-url WORKFLOW --trigger NAME [COMMON]
  logicmock-client --help
  logicmock-client --version  prints "logicmock-client <version>"

WORKFLOW (all required):
  --subscription ID        subscription id
  --resource-group NAME    resource group name
  --workflow NAME          workflow name
  --site NAME              optional: a Logic Apps Standard workflow of this Microsoft.Web site
                           (regenerate and trigger-callback-url, on .../sites/{site}/hostruntime/
                           runtime/webhooks/workflow/api/management/workflows/{workflow}, api-version
                           2022-03-01)

Operations:
  regenerate               POST .../workflows/{workflow}/regenerateAccessKey {"keyType": TYPE}
  callback-url             POST .../workflows/{workflow}/listCallbackUrl
                           {"notAfter": DATE-TIME, "keyType": TYPE} (each only when given)
  trigger-callback-url     POST .../workflows/{workflow}/triggers/{trigger}/listCallbackUrl,
                           no body

COMMON:
  --base-url URL           default https://management.azure.com; http:// or https://
  --token TOKEN            bearer token; default: the AZURE_ACCESS_TOKEN environment variable
                           (prefer the variable: command lines are visible to other users)
  --tenant ID              sign in: tenant id (or AZURE_TENANT_ID; "adfs" for ADFS paths)
  --client-id ID           sign in: service principal's application id (or AZURE_CLIENT_ID)
  --client-secret SECRET   sign in: its client secret (or AZURE_CLIENT_SECRET; prefer the
                           variable). Sign-in POSTs {authority-host}/{tenant}/oauth2/v2.0/token
                           (client credentials) and reuses the token until 5 minutes before it
                           expires. Used when any of the three is given, or when AZURE_TENANT_ID,
                           AZURE_CLIENT_ID and AZURE_CLIENT_SECRET are all set and neither
                           --token nor AZURE_ACCESS_TOKEN is
  --authority-host URL     sign in: identity server (or AZURE_AUTHORITY_HOST; default
                           https://login.microsoftonline.com); a logicmock server's base URL
  --scope SCOPE            sign in: scope asked for (default: {base-url}/.default)
  --ca-file FILE           PEM file of CA certificates to trust for https; default: the file
                           named by SSL_CERT_FILE if set, else the system store (--ca-file wins)
  --insecure               do not verify the server certificate (never against real Azure)
  --proxy URL              http://[user:password@]host[:port] proxy for ARM and sign-in,
                           instead of HTTPS_PROXY / HTTP_PROXY (see Proxy below)
  --no-proxy               never use a proxy, whatever the environment says
  --retries N              retries after the first attempt, 0-20 (default 3); 408, 429, 500,
                           502, 503, 504 and transport failures are retried, honouring
                           Retry-After and x-ms-retry-after-ms, else exponential back-off
  --timeout-ms N           connect and read timeout per attempt (default 10000 / 60000)
Options also take the form --name=value.

Proxy (default: from the environment, read as curl and Go read it):
  https targets use HTTPS_PROXY, else https_proxy; http targets HTTP_PROXY, else http_proxy
  (the upper-case name wins when both are set). NO_PROXY, else no_proxy: hosts reached
  directly, comma-separated: "*" (all), a host or domain suffix (example.com and .example.com
  both match a.example.com), an IP or CIDR block, each with an optional :port. localhost,
  127.0.0.0/8 and ::1 are never proxied. --proxy replaces HTTPS_PROXY and HTTP_PROXY (NO_PROXY
  still applies); --no-proxy ignores all of them. A proxy URL without a scheme means http://
  (port 80 by default); any other scheme is a usage error. https goes through a CONNECT
  tunnel, the target's certificate checked against --ca-file, else SSL_CERT_FILE, else the
  system store. A proxy refusing CONNECT is transportError "proxy" with proxyStatus (exit 3),
  retried only for 408, 429, 500, 502, 503, 504.

Output (stdout, one JSON object; the token is never printed):
  outcome                  success | azure_error | contract_error | transport_error |
                           signin_error | usage_error
  status, code, message    HTTP status and ARM error code/message (null when absent)
  requestId, correlationRequestId, clientRequestId
  attempts, elapsedMs
  path                     contract_error only: JSON path of the schema violation
  transportError           transport_error only: connect | timeout | tls | io | proxy | other
  proxy, proxyStatus       through a proxy: its URL (no credentials); the status with which it
                           refused CONNECT (transportError proxy)
  signinError              signin_error only: {status, error, errorCodes, traceId,
                           correlationId} of the identity server's answer (code = error,
                           message = error_description), or transportError / path
  callbackUrl              callback commands on success: the WorkflowTriggerCallbackUrl body

Exit status:
  0  success
  1  Azure answered with an error, or with a response that breaks the contract
     (sign-in included: Entra's error, or a token answer without a token)
  2  usage error (bad or missing arguments, no token and no sign-in)
  3  transport failure (connection refused, timeout, TLS, a proxy refusing CONNECT), sign-in
     included
)";
}

}  // namespace logicmock::client::cli
