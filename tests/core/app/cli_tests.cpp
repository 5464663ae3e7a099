#include <catch2/catch.hpp>
#include <map>

#include "app/cli_options.hpp"

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

TEST_CASE("TLS flags: --tls replaces HTTP, --tls-port adds HTTPS beside it", "[cli][tls]") {
    CliConfig https_only = parse({"--tls", "--port", "0", "--ca-out", "ca.pem"});
    REQUIRE(https_only.server.tls.enabled);
    REQUIRE_FALSE(https_only.server.tls.port);
    REQUIRE(https_only.ca_out == "ca.pem");

    CliConfig both = parse({"--tls-port", "8443"});
    REQUIRE(both.server.tls.enabled);
    REQUIRE(both.server.tls.port == 8443);
    REQUIRE(both.server.port == 8080);

    CliConfig own = parse({"--tls", "--cert", "c.pem", "--key", "k.pem"});
    REQUIRE(own.server.tls.cert_file == "c.pem");
    REQUIRE(own.server.tls.key_file == "k.pem");

    REQUIRE(parse({}, {{"LOGICMOCK_TLS", "true"}}).server.tls.enabled);
    REQUIRE_FALSE(parse({"--tls=false"}, {{"LOGICMOCK_TLS", "1"}}).server.tls.enabled);
    REQUIRE(parse({}, {{"LOGICMOCK_TLS_PORT", "0"}}).server.tls.port == 0);
    REQUIRE_FALSE(parse({}).server.tls.enabled);
}

TEST_CASE("inconsistent TLS flags are usage errors", "[cli][tls]") {
    REQUIRE_THROWS_WITH(parse({"--tls", "--cert", "c.pem"}), "--cert and --key go together");
    REQUIRE_THROWS_WITH(parse({"--cert", "c.pem", "--key", "k.pem"}),
                        "--cert needs --tls or --tls-port");
    REQUIRE_NOTHROW(parse({"--ca-out", "ca.pem"}));  // the proxy's CA exists without --tls
    REQUIRE_THROWS_WITH(parse({"--ca-cert", "ca.pem"}), "--ca-cert and --ca-key go together");
    REQUIRE_THROWS_WITH(
        parse({"--tls", "--cert", "c", "--key", "k", "--proxy=false", "--ca-out", "ca.pem"}),
        Catch::StartsWith("--ca-out and --ca-cert need logicmock's CA"));
    REQUIRE_THROWS_WITH(parse({"--port", "8443", "--tls-port", "8443"}),
                        "--tls-port must differ from --port");
    REQUIRE_THROWS_AS(parse({}, {{"LOGICMOCK_TLS", "maybe"}}), UsageError);
    REQUIRE_THROWS_AS(parse({"--tls-port", "-1"}), UsageError);
}

TEST_CASE("help lists the TLS flags with their environment variables", "[cli][tls]") {
    std::string help = cli_help();
    for (const char* text : {"  --tls\n", "--tls-port N", "--cert FILE", "--key FILE",
                             "--ca-out FILE", "[LOGICMOCK_TLS]", "[LOGICMOCK_TLS_PORT]",
                             "[LOGICMOCK_CERT]", "[LOGICMOCK_KEY]", "[LOGICMOCK_CA_OUT]"}) {
        REQUIRE_THAT(help, Catch::Contains(text));
    }
}

TEST_CASE("throttling flags: mode, SIZE:RATE per bucket, bucket cap, from flag or env",
          "[cli][throttling]") {
    const ThrottlingOptions defaults;
    CliConfig d = parse({});
    REQUIRE(d.server.service.throttling.mode == ThrottleMode::Count);
    REQUIRE(d.server.service.throttling.principal[1].size == 200);
    REQUIRE(d.server.service.throttling.global[0].size == 3750);

    CliConfig c = parse({"--throttling", "enforce", "--throttle-writes", "5:0.5",
                         "--throttle-global-deletes=7:2", "--throttle-max-buckets", "10"},
                        {{"LOGICMOCK_THROTTLE_READS", "9:3"}});
    const ThrottlingOptions& t = c.server.service.throttling;
    REQUIRE(t.mode == ThrottleMode::Enforce);
    REQUIRE(t.principal[1].size == 5);
    REQUIRE(t.principal[1].refill_per_second == 0.5);
    REQUIRE(t.principal[0].size == 9);
    REQUIRE(t.principal[0].refill_per_second == 3);
    REQUIRE(t.global[2].size == 7);
    REQUIRE(t.global[1].size == defaults.global[1].size);
    REQUIRE(t.max_buckets == 10);
    REQUIRE(parse({"--throttling", "off"}).server.service.throttling.mode == ThrottleMode::Off);

    for (const char* bad : {"5", "5:", ":1", "0:1", "5:0", "5:x", "x:1", "5:1:2", "-1:1"}) {
        INFO(bad);
        REQUIRE_THROWS_AS(parse({"--throttle-writes", bad}), UsageError);
    }
    REQUIRE_THROWS_AS(parse({"--throttling", "on"}), UsageError);
    REQUIRE_THROWS_AS(parse({"--throttle-max-buckets", "1"}), UsageError);
}
