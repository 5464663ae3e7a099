// logicmock-client: see help_text() in cli_args.cpp.
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <variant>

#include "cli_args.hpp"
#include "logicmock/client/credential.hpp"
#include "logicmock/client/workflows_client.hpp"
#include "logicmock/version.hpp"
#include "report.hpp"

using namespace logicmock::client;
using namespace logicmock::client::cli;

namespace {

int usage_error(const std::string& message) {
    std::cout << usage_error_json(message) << '\n';
    std::cerr << "logicmock-client: " << message << " (see --help)\n";
    return kExitUsage;
}

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// --ca-file, --insecure, --proxy, --no-proxy, --retries, --timeout-ms: the same for sign-in
// and for the ARM call.
template <class Options>
void apply_connection_flags(const CliArgs& args, Options& options) {
    options.tls.ca_file = args.ca_file;
    options.tls.verify = !args.insecure;
    if (args.no_proxy) {
        options.proxy.mode = ProxyOptions::Mode::Direct;
    } else if (args.proxy) {
        options.proxy.mode = ProxyOptions::Mode::Fixed;
        options.proxy.url = *args.proxy;
    }
    options.retry.max_retries = args.retries;
    if (args.timeout_ms) {
        options.timeouts.connect = options.timeouts.read =
            std::chrono::milliseconds(*args.timeout_ms);
    }
}

// The sign-in to use, if any: flags first, each missing part from the SDKs' AZURE_* variables.
// Without sign-in flags, a set AZURE_ACCESS_TOKEN wins over the AZURE_* sign-in variables.
std::variant<std::monostate, ClientSecretCredentialOptions, std::string> resolve_sign_in(
    const CliArgs& args) {
    const bool flags = args.tenant || args.client_id || args.client_secret;
    if (args.token || (!flags && !env("AZURE_ACCESS_TOKEN").empty())) return std::monostate{};
    ClientSecretCredentialOptions options;
    options.tenant_id = args.tenant.value_or(env("AZURE_TENANT_ID"));
    options.client_id = args.client_id.value_or(env("AZURE_CLIENT_ID"));
    options.client_secret = args.client_secret.value_or(env("AZURE_CLIENT_SECRET"));
    if (!flags &&
        (options.tenant_id.empty() || options.client_id.empty() || options.client_secret.empty())) {
        return std::monostate{};
    }
    if (options.tenant_id.empty()) return std::string("sign-in needs --tenant or AZURE_TENANT_ID");
    if (options.client_id.empty()) {
        return std::string("sign-in needs --client-id or AZURE_CLIENT_ID");
    }
    if (options.client_secret.empty()) {
        return std::string("sign-in needs --client-secret or AZURE_CLIENT_SECRET");
    }
    if (args.authority_host) {
        options.authority_host = *args.authority_host;
    } else if (std::string host = env("AZURE_AUTHORITY_HOST"); !host.empty()) {
        options.authority_host = normalize_authority_host(host);
    }
    options.scope = args.scope.value_or(scope_for(args.base_url));
    apply_connection_flags(args, options);
    return options;
}

ClientOptions client_options(const CliArgs& args, TokenProvider token) {
    ClientOptions options;
    options.base_url = args.base_url;
    options.token = std::move(token);
    apply_connection_flags(args, options);
    return options;
}

int call(const CliArgs& args, WorkflowsClient& client) {
    switch (args.command) {
        case Command::Regenerate: {
            auto result = client.regenerate_access_key(args.workflow, *args.key_type);
            std::cout << report_json(args.command, result) << '\n';
            return exit_code(result.kind());
        }
        case Command::CallbackUrl: {
            auto result = client.list_callback_url(args.workflow, args.not_after, args.key_type);
            std::cout << report_json(args.command, result) << '\n';
            return exit_code(result.kind());
        }
        case Command::TriggerCallbackUrl: {
            auto result = client.list_trigger_callback_url(args.workflow, args.trigger);
            std::cout << report_json(args.command, result) << '\n';
            return exit_code(result.kind());
        }
    }
    return kExitUsage;
}

int signin_failed(const CliArgs& args, const TokenOutcome& outcome) {
    std::cout << signin_error_json(args.command, outcome) << '\n';
    return signin_exit_code(outcome);
}

// "--proxy: ..." for the flag, "HTTPS_PROXY: ..." for a variable; never the value itself.
int proxy_error(const CliArgs& args, const ProxyConfigError& e) {
    return usage_error(args.proxy ? "--proxy: " + e.problem() : std::string(e.what()));
}

int run(const CliArgs& args) {
    auto sign_in = resolve_sign_in(args);
    if (auto* error = std::get_if<std::string>(&sign_in)) return usage_error(*error);

    std::optional<ClientSecretCredential> credential;
    TokenProvider token;
    try {
        if (auto* options = std::get_if<ClientSecretCredentialOptions>(&sign_in)) {
            credential.emplace(std::move(*options));
            token = credential->token_provider();
        } else {
            std::string fixed = args.token.value_or(env_token()());
            if (fixed.empty()) {
                return usage_error(
                    "no token: pass --token or set AZURE_ACCESS_TOKEN, or sign in with --tenant, "
                    "--client-id and --client-secret");
            }
            token = fixed_token(std::move(fixed));
        }
    } catch (const ProxyConfigError& e) {
        return proxy_error(args, e);
    } catch (const std::invalid_argument& e) {
        return usage_error(std::string("--authority-host: ") + e.what());
    }

    std::optional<WorkflowsClient> client;
    try {
        client.emplace(client_options(args, std::move(token)));
    } catch (const ProxyConfigError& e) {
        return proxy_error(args, e);
    } catch (const std::invalid_argument& e) {
        return usage_error(std::string("--base-url: ") + e.what());
    }
    if (credential) {
        // Sign in first, so a failed sign-in is reported as such and ARM is not called.
        TokenOutcome first = credential->get_token();
        if (!std::holds_alternative<AccessToken>(first)) return signin_failed(args, first);
    }
    try {
        return call(args, *client);
    } catch (const SignInError& e) {  // a refresh between retries failed
        return signin_failed(args, e.outcome());
    }
}

}  // namespace

int main(int argc, char** argv) {
    ParsedArgs parsed = parse_cli_args(std::vector<std::string>(argv + 1, argv + argc));
    if (std::holds_alternative<HelpRequested>(parsed)) {
        std::cout << help_text();
        return kExitSuccess;
    }
    if (std::holds_alternative<VersionRequested>(parsed)) {
        std::cout << "logicmock-client " << logicmock::kVersion << "\n";
        return kExitSuccess;
    }
    if (auto* error = std::get_if<UsageError>(&parsed)) return usage_error(error->message);
    return run(std::get<CliArgs>(parsed));
}
