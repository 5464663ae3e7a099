// logicmock-server in-process plus a probe of its state, for the SDK tests: it takes the
// server's flags, prints the same listening line, then answers one command per stdin line
//   rotations SUBSCRIPTION RESOURCE_GROUP WORKFLOW -> {"primary":N,"secondary":M} or {"error":...}
// and stops when stdin closes. The SDK tests use it to see what a call did to the keys.

#include <cstdlib>
#include <iostream>
#include <optional>
#include <sstream>

#include "app/cli_options.hpp"
#include "logicmock/json_text.hpp"
#include "logicmock/mock_server.hpp"
#include "net/ca_file.hpp"

int main(int argc, char** argv) {
    using namespace logicmock;
    try {
        CliConfig config = parse_cli(std::vector<std::string>(argv + 1, argv + argc),
                                     [](const char* name) { return std::getenv(name); });
        config.server.seed = config.seed_path ? load_seed_file(*config.seed_path) : default_seed();
        MockServer server(config.server);
        std::optional<CaFile> ca_file;
        if (!server.ca_pem().empty()) ca_file.emplace(config.ca_out, server.ca_pem());
        server.start();
        std::cout << "{\"event\":\"listening\",\"url\":" << json_quote(server.url());
        if (ca_file) std::cout << ",\"caFile\":" << json_quote(ca_file->path());
        std::cout << "}" << std::endl;

        std::string line;
        while (std::getline(std::cin, line)) {
            std::istringstream words(line);
            std::string command;
            WorkflowRef ref;
            words >> command >> ref.subscription_id >> ref.resource_group >> ref.name;
            auto workflow = command == "rotations" ? server.store().find_workflow(ref)
                                                   : std::optional<WorkflowRecord>();
            if (workflow) {
                std::cout << "{\"primary\":" << workflow->primary_rotations
                          << ",\"secondary\":" << workflow->secondary_rotations << "}" << std::endl;
            } else {
                std::cout << "{\"error\":" << json_quote("no workflow for: " + line) << "}"
                          << std::endl;
            }
        }
        server.stop();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "logicmock_sdk_harness: " << e.what() << "\n";
        return 2;
    }
}
