// logicmock-client: see help_text() in cli_args.cpp.
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "cli_args.hpp"
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

ClientOptions client_options(const CliArgs& args, std::string token) {
    ClientOptions options;
    options.base_url = args.base_url;
    options.token = fixed_token(std::move(token));
    options.tls.ca_file = args.ca_file;
    options.tls.verify = !args.insecure;
    options.retry.max_retries = args.retries;
    if (args.timeout_ms) {
        options.timeouts.connect = options.timeouts.read =
            std::chrono::milliseconds(*args.timeout_ms);
    }
    return options;
}

int run(const CliArgs& args) {
    std::string token = args.token.value_or(env_token()());
    if (token.empty()) return usage_error("no token: pass --token or set AZURE_ACCESS_TOKEN");

    std::optional<WorkflowsClient> client;
    try {
        client.emplace(client_options(args, std::move(token)));
    } catch (const std::invalid_argument& e) {
        return usage_error(std::string("--base-url: ") + e.what());
    }

    switch (args.command) {
        case Command::Regenerate: {
            auto result = client->regenerate_access_key(args.workflow, *args.key_type);
            std::cout << report_json(args.command, result) << '\n';
            return exit_code(result.kind());
        }
        case Command::CallbackUrl: {
            auto result = client->list_callback_url(args.workflow, args.not_after, args.key_type);
            std::cout << report_json(args.command, result) << '\n';
            return exit_code(result.kind());
        }
        case Command::TriggerCallbackUrl: {
            auto result = client->list_trigger_callback_url(args.workflow, args.trigger);
            std::cout << report_json(args.command, result) << '\n';
            return exit_code(result.kind());
        }
    }
    return kExitUsage;
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
