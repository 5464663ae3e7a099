#pragma once
// Command-line flags of logicmock-server; each flag can also come from LOGICMOCK_<FLAG>
// (upper case, '-' as '_'); a flag on the command line wins over the environment.

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "logicmock/mock_server.hpp"

namespace logicmock {

struct CliConfig {
    ServerOptions server;
    std::optional<std::string> seed_path;
    std::optional<std::string> ca_out;  // where to write the generated CA (--ca-out)
    std::optional<std::string> faults_path;
    bool show_help = false;
    bool show_version = false;
};

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// getenv is passed in so tests can supply their own environment.
CliConfig parse_cli(const std::vector<std::string>& args,
                    const std::function<const char*(const char*)>& getenv);

std::string cli_help();

}  // namespace logicmock
