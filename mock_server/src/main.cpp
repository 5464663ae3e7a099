#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli_options.hpp"
#include "logicmock/json_text.hpp"
#include "logicmock/mock_server.hpp"

int main(int argc, char** argv) {
    using namespace logicmock;
    CliConfig config;
    try {
        config = parse_cli(std::vector<std::string>(argv + 1, argv + argc),
                           [](const char* name) { return std::getenv(name); });
        if (config.show_help) {
            std::cout << cli_help();
            return 0;
        }
        config.server.seed = config.seed_path ? load_seed_file(*config.seed_path) : default_seed();
        if (config.faults_path) config.server.service.faults = load_fault_file(*config.faults_path);
    } catch (const UsageError& e) {
        std::cerr << "logicmock-server: " << e.what() << "\nTry 'logicmock-server --help'.\n";
        return 2;
    } catch (const SeedError& e) {
        std::cerr << "logicmock-server: " << e.what() << "\n";
        return 2;
    } catch (const FaultRuleError& e) {
        std::cerr << "logicmock-server: " << e.what() << "\n";
        return 2;
    }

    // Signals are taken by sigwait below, not by whichever worker thread they would hit.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    MockServer server(config.server);
    try {
        server.start();
    } catch (const std::exception& e) {
        std::cerr << "logicmock-server: " << e.what() << "\n";
        return 1;
    }
    std::cout << "{\"event\":\"listening\",\"url\":" << json_quote(server.url()) << "}"
              << std::endl;

    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    std::cout << "{\"event\":\"stopped\",\"signal\":" << received << "}" << std::endl;
    return 0;
}
