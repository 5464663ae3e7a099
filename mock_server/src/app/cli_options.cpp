#include "app/cli_options.hpp"

#include <functional>
#include <limits>

#include "throttling/throttler.hpp"

namespace logicmock {
namespace {

struct Flag {
    const char* name;        // without "--"
    const char* value_name;  // "" for a switch
    const char* help;
    std::function<void(CliConfig&, const std::string&)> apply;
    bool is_switch = false;  // "--name" alone means "--name=true"
};

int to_int(const std::string& flag, const std::string& text, int min, int max) {
    std::size_t used = 0;
    long value = 0;
    try {
        value = std::stol(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || text.empty() || value < min || value > max) {
        throw UsageError("--" + flag + " takes a whole number from " + std::to_string(min) +
                         " to " + std::to_string(max) + ", not '" + text + "'");
    }
    return static_cast<int>(value);
}

bool to_bool(const std::string& flag, const std::string& text) {
    for (const char* yes : {"true", "1", "yes", "on"}) {
        if (text == yes) return true;
    }
    for (const char* no : {"false", "0", "no", "off"}) {
        if (text == no) return false;
    }
    throw UsageError("--" + flag + " takes true|false, not '" + text + "'");
}

template <typename T>
T choose(const std::string& flag, const std::string& text,
         std::initializer_list<std::pair<const char*, T>> choices) {
    std::string names;
    for (const auto& [name, value] : choices) {
        if (text == name) return value;
        names += (names.empty() ? "" : "|") + std::string(name);
    }
    throw UsageError("--" + flag + " takes " + names + ", not '" + text + "'");
}

// --throttle-writes 200:10 (bucket size : tokens refilled per second).
void set_limit(CliConfig& c, const char* flag, const std::string& text) {
    const LimitName* name = nullptr;
    for (const auto& n : limit_names()) {
        if (std::string_view(flag) == n.flag) name = &n;
    }
    BucketLimits limits;
    const auto colon = text.find(':');
    bool parsed = colon != std::string::npos && colon > 0 && colon + 1 < text.size();
    if (parsed) {
        try {
            std::size_t used = 0;
            limits.size = std::stoll(text.substr(0, colon), &used);
            parsed = used == colon;
            const std::string rate = text.substr(colon + 1);
            limits.refill_per_second = std::stod(rate, &used);
            parsed = parsed && used == rate.size();
        } catch (const std::exception&) {
            parsed = false;
        }
    }
    std::string problem = parsed ? bucket_limits_problem(limits) : "expected SIZE:RATE";
    if (!problem.empty() || !name) {
        throw UsageError("--" + std::string(flag) + " takes SIZE:RATE (e.g. 200:10), not '" + text +
                         "': " + problem);
    }
    auto& t = c.server.service.throttling;
    limits_of(t.principal, t.global, *name) = limits;
}

const std::vector<Flag>& flags() {
    static const std::vector<Flag> table{
        {"host", "ADDR", "address to listen on (default 127.0.0.1; 0.0.0.0 exposes the mock)",
         [](CliConfig& c, const std::string& v) { c.server.host = v; }},
        {"port", "N", "TCP port; 0 picks a free one (default 8080)",
         [](CliConfig& c, const std::string& v) { c.server.port = to_int("port", v, 0, 65535); }},
        {"seed", "FILE",
         "seed file (schemas/seed.schema.json); default: fixtures/default-seed.json, "
         "compiled in",
         [](CliConfig& c, const std::string& v) { c.seed_path = v; }},
        {"auth", "any|static|jwt|entra",
         "bearer token policy: any non-empty token, the --token value, an unexpired JWT for "
         "the management audience (signature not checked), or a token this server's Entra ID "
         "signed for a known principal of the subscription's tenant; default any",
         [](CliConfig& c, const std::string& v) {
             c.server.service.auth = choose<AuthPolicy>("auth", v,
                                                        {{"any", AuthPolicy::Any},
                                                         {"static", AuthPolicy::Static},
                                                         {"jwt", AuthPolicy::Jwt},
                                                         {"entra", AuthPolicy::Entra}});
         }},
        {"identity", "seeded|accept-any",
         "who gets tokens from the fake Entra ID: the seed's service principals with one of their "
         "secrets and its users with their passwords, or also any other client id with a "
         "non-empty secret and any user name with a non-empty password; default seeded",
         [](CliConfig& c, const std::string& v) {
             c.server.service.identity = choose<IdentityPolicy>(
                 "identity", v,
                 {{"seeded", IdentityPolicy::Seeded}, {"accept-any", IdentityPolicy::AcceptAny}});
         }},
        {"signing-key", "FILE",
         "RSA private key (PEM) that signs access tokens: read when FILE exists, else generated "
         "and written there, so tokens survive restarts; default: a new key at every start",
         [](CliConfig& c, const std::string& v) {
             if (v.empty()) throw UsageError("--signing-key needs a path");
             c.server.service.signing_key_file = v;
         }},
        {"token-lifetime", "SECONDS",
         "lifetime of issued access tokens (expires_in), 301 to 86400; clients treat 300 or less "
         "as expired (default 3600)",
         [](CliConfig& c, const std::string& v) {
             c.server.service.token_lifetime_s = to_int("token-lifetime", v, 301, 86400);
         }},
        {"identity-header", "SECRET",
         "the X-IDENTITY-HEADER value managed identity requests must carry (IDENTITY_HEADER) "
         "(default logicmock-identity-header)",
         [](CliConfig& c, const std::string& v) {
             if (v.empty()) throw UsageError("--identity-header needs a value");
             c.server.service.identity_header = v;
         }},
        {"token", "TOKEN", "the accepted bearer token with --auth static",
         [](CliConfig& c, const std::string& v) { c.server.service.static_token = v; }},
        {"not-specified", "rotate-primary|reject",
         "what keyType NotSpecified (or no keyType) does on regenerateAccessKey; default "
         "rotate-primary",
         [](CliConfig& c, const std::string& v) {
             c.server.service.not_specified =
                 choose<NotSpecifiedPolicy>("not-specified", v,
                                            {{"rotate-primary", NotSpecifiedPolicy::RotatePrimary},
                                             {"reject", NotSpecifiedPolicy::Reject}});
         }},
        {"threads", "N",
         "most worker threads; each open connection holds one, started on demand (default 1024)",
         [](CliConfig& c, const std::string& v) {
             c.server.threads = to_int("threads", v, 1, 4096);
         }},
        {"log-format", "text|json|none",
         "request log on stderr, one line per request (default text)",
         [](CliConfig& c, const std::string& v) {
             c.server.log_format = choose<LogFormat>(
                 "log-format", v,
                 {{"text", LogFormat::Text}, {"json", LogFormat::Json}, {"none", LogFormat::None}});
         }},
        {"state-file", "PATH",
         "keep workflows and keys in PATH (seed format): loaded at start when it exists, else "
         "created from the seed; saved after every change. A corrupt file stops start-up",
         [](CliConfig& c, const std::string& v) {
             if (v.empty()) throw UsageError("--state-file needs a path");
             c.server.state_file = v;
         }},
        {"runtime-base-url", "URL",
         "base URL of callback URLs (the Logic runtime host, Consumption and Standard); default: "
         "this server's own URL",
         [](CliConfig& c, const std::string& v) {
             if (v.rfind("http://", 0) != 0 && v.rfind("https://", 0) != 0) {
                 throw UsageError("--runtime-base-url takes an http:// or https:// URL, not '" + v +
                                  "'");
             }
             c.server.service.runtime_base_url = v;
         }},
        {"standard-runtime-api-version", "VERSION",
         "api-version in Logic Apps Standard callback URLs (the runtime's; default 2022-05-01)",
         [](CliConfig& c, const std::string& v) {
             if (v.empty()) throw UsageError("--standard-runtime-api-version needs a value");
             c.server.service.standard_runtime_api_version = v;
         }},
        {"standard-site-host-urls", "",
         "Logic Apps Standard callback URLs name https://{site}.azurewebsites.net:443 (route that "
         "name here) instead of this server's URL",
         [](CliConfig& c, const std::string& v) {
             c.server.service.standard_site_host_urls = to_bool("standard-site-host-urls", v);
         },
         true},
        {"azure-host-urls", "",
         "callback URLs name Azure's runtime hosts (https://prod-00.{region}.logic.azure.com:443, "
         "https://{site}.azurewebsites.net:443) for every request; requests through the proxy "
         "always get them",
         [](CliConfig& c, const std::string& v) {
             c.server.service.azure_host_urls = to_bool("azure-host-urls", v);
         },
         true},
        {"region", "NAME",
         "region named in x-ms-routing-request-id and fallback location (default "
         "westus)",
         [](CliConfig& c, const std::string& v) { c.server.service.region = v; }},
        {"read-timeout-ms", "N",
         "silence allowed while a request is arriving before the connection is closed (default "
         "5000)",
         [](CliConfig& c, const std::string& v) {
             c.server.read_timeout_ms = to_int("read-timeout-ms", v, 1, 3600000);
         }},
        {"request-timeout-ms", "N",
         "longest time one request may take to arrive, first byte to last, so a client trickling "
         "bytes cannot hold a worker (default 10000)",
         [](CliConfig& c, const std::string& v) {
             c.server.request_timeout_ms = to_int("request-timeout-ms", v, 1, 3600000);
         }},
        {"keep-alive-s", "N", "idle time allowed between requests on one connection (default 5)",
         [](CliConfig& c, const std::string& v) {
             c.server.keep_alive_timeout_s = to_int("keep-alive-s", v, 1, 3600);
         }},
        {"max-body-bytes", "N", "largest request body accepted; larger gets 413 (default 1048576)",
         [](CliConfig& c, const std::string& v) {
             c.server.service.max_body_bytes = static_cast<std::size_t>(
                 to_int("max-body-bytes", v, 0, std::numeric_limits<int>::max()));
         }},
        {"tls", "", "serve HTTPS instead of plain HTTP on --port (--tls=false: off)",
         [](CliConfig& c, const std::string& v) { c.server.tls.enabled = to_bool("tls", v); },
         true},
        {"tls-port", "N",
         "also serve HTTPS on this port (0 picks a free one); --port stays plain HTTP",
         [](CliConfig& c, const std::string& v) {
             c.server.tls.enabled = true;
             c.server.tls.port = to_int("tls-port", v, 0, 65535);
         }},
        {"cert", "FILE",
         "HTTPS server certificate (PEM, optionally followed by its chain); needs --key. "
         "Default: a certificate generated at start-up by a new local CA",
         [](CliConfig& c, const std::string& v) { c.server.tls.cert_file = v; }},
        {"key", "FILE", "private key (PEM, unencrypted) of --cert",
         [](CliConfig& c, const std::string& v) { c.server.tls.key_file = v; }},
        {"ca-out", "FILE",
         "write logicmock's CA certificate (PEM) here for clients to trust; default: a new "
         "file in $TMPDIR, removed at exit. Its path is in the listening line as caFile, and "
         "GET /_mock/ca.pem serves it",
         [](CliConfig& c, const std::string& v) { c.ca_out = v; }},
        {"ca-cert", "FILE",
         "logicmock's CA certificate (PEM): read when it and --ca-key exist, else a new CA is "
         "written to both, so clients trust it once. Default: beside --state-file "
         "(STATE.ca.pem), else a new CA at every start",
         [](CliConfig& c, const std::string& v) {
             if (v.empty()) throw UsageError("--ca-cert needs a path");
             c.server.tls.ca_cert_file = v;
         }},
        {"ca-key", "FILE", "private key (PEM) of --ca-cert, written owner-only",
         [](CliConfig& c, const std::string& v) {
             if (v.empty()) throw UsageError("--ca-key needs a path");
             c.server.tls.ca_key_file = v;
         }},
        {"proxy", "",
         "be an HTTP proxy for Azure's host names on --port too: CONNECT to management.azure.com, "
         "login.microsoftonline.com, *.logic.azure.com, *.azurewebsites.net and requests for "
         "http://169.254.169.254 are answered here, never forwarded (default on; --proxy=false: "
         "off)",
         [](CliConfig& c, const std::string& v) { c.server.service.proxy = to_bool("proxy", v); },
         true},
        {"faults", "FILE",
         "fault rules to start with (schemas/fault-rules.schema.json; docs/making-it-fail.md)",
         [](CliConfig& c, const std::string& v) { c.faults_path = v; }},
        {"journal-size", "N",
         "requests kept in the request journal (GET /_mock/journal); 0 turns it off (default "
         "1000)",
         [](CliConfig& c, const std::string& v) {
             c.server.service.journal_size =
                 static_cast<std::size_t>(to_int("journal-size", v, 0, 1000000));
         }},
        {"no-admin", "",
         "turn off the /_mock/ admin API (faults, journal, reset) and the x-mock-fault header",
         [](CliConfig& c, const std::string& v) {
             c.server.service.admin_enabled = !to_bool("no-admin", v);
         },
         true},
        {"throttling", "off|count|enforce",
         "ARM's token buckets: off (a constant rate-limit header), count (headers count down and "
         "refill, never 429) or enforce (an empty bucket answers 429); default count",
         [](CliConfig& c, const std::string& v) {
             c.server.service.throttling.mode =
                 choose<ThrottleMode>("throttling", v,
                                      {{"off", ThrottleMode::Off},
                                       {"count", ThrottleMode::Count},
                                       {"enforce", ThrottleMode::Enforce}});
         }},
        {"throttle-reads", "SIZE:RATE",
         "per principal read bucket: tokens and refill per second (default 250:25)",
         [](CliConfig& c, const std::string& v) { set_limit(c, "throttle-reads", v); }},
        {"throttle-writes", "SIZE:RATE",
         "per principal write bucket, POST actions included (default 200:10)",
         [](CliConfig& c, const std::string& v) { set_limit(c, "throttle-writes", v); }},
        {"throttle-deletes", "SIZE:RATE", "per principal delete bucket (default 200:10)",
         [](CliConfig& c, const std::string& v) { set_limit(c, "throttle-deletes", v); }},
        {"throttle-global-reads", "SIZE:RATE",
         "per subscription read bucket, all principals (default 3750:375)",
         [](CliConfig& c, const std::string& v) { set_limit(c, "throttle-global-reads", v); }},
        {"throttle-global-writes", "SIZE:RATE",
         "per subscription write bucket, all principals (default 3000:150)",
         [](CliConfig& c, const std::string& v) { set_limit(c, "throttle-global-writes", v); }},
        {"throttle-global-deletes", "SIZE:RATE",
         "per subscription delete bucket, all principals (default 3000:150)",
         [](CliConfig& c, const std::string& v) { set_limit(c, "throttle-global-deletes", v); }},
        {"throttle-max-buckets", "N",
         "buckets kept at most; the least recently used is forgotten (default 100000)",
         [](CliConfig& c, const std::string& v) {
             c.server.service.throttling.max_buckets =
                 static_cast<std::size_t>(to_int("throttle-max-buckets", v, 2, 10000000));
         }},
        {"admin-token", "TOKEN",
         "admin calls (and x-mock-fault) must send 'x-mock-admin-token: TOKEN' or "
         "'Authorization: Bearer TOKEN'",
         [](CliConfig& c, const std::string& v) { c.server.service.admin_token = v; }},
    };
    return table;
}

void check_tls_flags(const CliConfig& c) {
    const TlsOptions& tls = c.server.tls;
    if (tls.cert_file.empty() != tls.key_file.empty()) {
        throw UsageError("--cert and --key go together");
    }
    if (!tls.enabled && !tls.cert_file.empty()) {
        throw UsageError("--cert needs --tls or --tls-port");
    }
    if (tls.ca_cert_file.empty() != tls.ca_key_file.empty()) {
        throw UsageError("--ca-cert and --ca-key go together");
    }
    if (!c.server.service.proxy && !tls.cert_file.empty() &&
        (c.ca_out || !tls.ca_cert_file.empty())) {
        throw UsageError(
            "--ca-out and --ca-cert need logicmock's CA: with --cert and "
            "--proxy=false there is none");
    }
    if (tls.port && *tls.port != 0 && *tls.port == c.server.port) {
        throw UsageError("--tls-port must differ from --port");
    }
}

std::string env_name(const char* flag) {
    std::string name = "LOGICMOCK_";
    for (const char* p = flag; *p; ++p) {
        name += *p == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    }
    return name;
}

const Flag* find_flag(const std::string& name) {
    for (const auto& f : flags()) {
        if (name == f.name) return &f;
    }
    return nullptr;
}

}  // namespace

CliConfig parse_cli(const std::vector<std::string>& args,
                    const std::function<const char*(const char*)>& getenv) {
    CliConfig config;
    config.server.port = 8080;
    config.server.log_format = LogFormat::Text;
    for (const auto& f : flags()) {
        if (const char* value = getenv(env_name(f.name).c_str()); value && *value) {
            f.apply(config, value);
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            config.show_help = true;
            continue;
        }
        if (arg == "--version") {
            config.show_version = true;
            continue;
        }
        if (arg.rfind("--", 0) != 0) throw UsageError("unexpected argument '" + arg + "'");
        std::string name = arg.substr(2), value;
        bool has_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_value = true;
        }
        const Flag* flag = find_flag(name);
        if (!flag) throw UsageError("unknown flag '--" + name + "'");
        if (!has_value && flag->is_switch) {
            value = "true";
        } else if (!has_value) {
            if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value");
            value = args[++i];
        }
        flag->apply(config, value);
    }
    if (config.server.service.auth == AuthPolicy::Static &&
        config.server.service.static_token.empty()) {
        throw UsageError("--auth static needs --token");
    }
    check_tls_flags(config);
    return config;
}

std::string cli_help() {
    std::string text =
        "Usage: logicmock-server [FLAGS]\n\n"
        "A fake of Azure Resource Manager for Microsoft.Logic workflows (api-version 2019-05-01):\n"
        "regenerateAccessKey, listCallbackUrl, workflow resources, and the Logic runtime's\n"
        "callback URLs. Prints {\"event\":\"listening\",\"url\":...} on stdout once it accepts\n"
        "connections; logs one line per request on stderr; stops on SIGINT/SIGTERM.\n\n"
        "Flags (each also from the environment variable shown):\n";
    for (const auto& f : flags()) {
        std::string head = "  --" + std::string(f.name) + (f.is_switch ? "" : " ") + f.value_name;
        text += head + "\n      " + f.help + "  [" + env_name(f.name) + "]\n";
    }
    text +=
        "  --help\n      this text\n"
        "  --version\n      print \"logicmock-server <version>\" and exit\n\n"
        "Exit codes: 0 stopped by a signal, 1 cannot listen, 2 usage error, bad seed, fault or\n"
        "state file, or unusable certificate, key or --ca-out file.\n"
        "Health: GET /_mock/health. Faults, journal, throttling, reset: /_mock/faults,\n"
        "/_mock/journal, /_mock/throttling, /_mock/reset (docs/journal-and-admin.md).\n";
    return text;
}

}  // namespace logicmock
