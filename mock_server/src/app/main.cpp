#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>

#include "app/cli_options.hpp"
#include "logicmock/json_text.hpp"
#include "logicmock/mock_server.hpp"
#include "logicmock/version.hpp"
#include "net/ca_file.hpp"

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
        if (config.show_version) {
            std::cout << "logicmock-server " << kVersion << "\n";
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

    // Each connection takes a descriptor; the soft limit (often 1024) would cap the clients a
    // server can hold well below --threads, so raise it to the hard limit.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }

    // Signals are taken by sigwait below, not by whichever worker thread they would hit.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    std::unique_ptr<MockServer> owned;
    try {
        // Loads the state file and loads or generates TLS certificates.
        owned = std::make_unique<MockServer>(config.server);
    } catch (const std::exception& e) {
        std::cerr << "logicmock-server: " << e.what() << "\n";
        return 2;
    }
    MockServer& server = *owned;
    try {
        server.start();
    } catch (const std::exception& e) {
        std::cerr << "logicmock-server: " << e.what() << "\n";
        return 1;
    }
    // Written only once listening, so a second server that cannot bind leaves the first one's
    // CA file alone.
    std::optional<CaFile> ca_file;
    try {
        if (!server.ca_pem().empty()) ca_file.emplace(config.ca_out, server.ca_pem());
    } catch (const CaFileError& e) {
        std::cerr << "logicmock-server: " << e.what() << "\n";
        return 2;
    }
    std::cout << "{\"event\":\"listening\",\"url\":" << json_quote(server.url());
    if (server.tls_port() >= 0 && server.tls_port() != server.port()) {
        std::cout << ",\"httpsUrl\":" << json_quote(server.https_url());
    }
    if (ca_file) std::cout << ",\"caFile\":" << json_quote(ca_file->path());
    std::cout << "}" << std::endl;

    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    std::cout << "{\"event\":\"stopped\",\"signal\":" << received << "}" << std::endl;
    return 0;
}
