#include <catch2/catch.hpp>
#include <map>

#include "cli_options.hpp"

using namespace logicmock;

namespace {

CliConfig parse(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    return parse_cli(args, [env](const char* name) -> const char* {
        auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    });
}

}  // namespace

TEST_CASE("defaults: loopback, port 8080, any token, text log", "[cli]") {
    CliConfig c = parse({});
    REQUIRE(c.server.host == "127.0.0.1");
    REQUIRE(c.server.port == 8080);
    REQUIRE(c.server.service.auth == AuthPolicy::Any);
    REQUIRE(c.server.service.not_specified == NotSpecifiedPolicy::RotatePrimary);
    REQUIRE(c.server.log_format == LogFormat::Text);
    REQUIRE_FALSE(c.seed_path);
}

TEST_CASE("flags take '--flag value' and '--flag=value' and beat the environment", "[cli]") {
    CliConfig c = parse({"--port=0", "--auth", "static", "--token", "t", "--threads", "8",
                         "--not-specified", "reject", "--log-format", "json", "--seed", "s.json"},
                        {{"LOGICMOCK_PORT", "9000"}, {"LOGICMOCK_HOST", "127.0.0.2"}});
    REQUIRE(c.server.port == 0);
    REQUIRE(c.server.host == "127.0.0.2");
    REQUIRE(c.server.service.auth == AuthPolicy::Static);
    REQUIRE(c.server.service.static_token == "t");
    REQUIRE(c.server.threads == 8);
    REQUIRE(c.server.service.not_specified == NotSpecifiedPolicy::Reject);
    REQUIRE(c.server.log_format == LogFormat::Json);
    REQUIRE(c.seed_path == "s.json");
    REQUIRE(parse({}, {{"LOGICMOCK_NOT_SPECIFIED", "reject"}}).server.service.not_specified ==
            NotSpecifiedPolicy::Reject);
}

TEST_CASE("invalid flags are usage errors", "[cli]") {
    REQUIRE_THROWS_AS(parse({"--bogus", "1"}), UsageError);
    REQUIRE_THROWS_AS(parse({"--port", "70000"}), UsageError);
    REQUIRE_THROWS_AS(parse({"--port", "80x"}), UsageError);
    REQUIRE_THROWS_AS(parse({"--auth", "none"}), UsageError);
    REQUIRE_THROWS_AS(parse({"--auth", "static"}), UsageError);
    REQUIRE_THROWS_AS(parse({"--threads"}), UsageError);
    REQUIRE_THROWS_AS(parse({"positional"}), UsageError);
    REQUIRE_THROWS_AS(parse({}, {{"LOGICMOCK_LOG_FORMAT", "xml"}}), UsageError);
}

TEST_CASE("help lists every flag with its environment variable", "[cli]") {
    std::string help = cli_help();
    for (const char* flag : {"--host", "--port", "--seed", "--auth", "--token", "--not-specified",
                             "--threads", "--log-format", "--region", "--max-body-bytes"}) {
        REQUIRE_THAT(help, Catch::Contains(flag));
    }
    REQUIRE_THAT(help, Catch::Contains("LOGICMOCK_NOT_SPECIFIED"));
    REQUIRE(parse({"--help"}).show_help);
}
