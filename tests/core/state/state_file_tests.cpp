// --state-file: the file store loads, saves every change before answering, refuses corrupt
// files without touching them, and changes nothing when a save fails. Also the time helpers
// the state file and SAS expiry rely on.

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/cli_options.hpp"
#include "callback_test_support.hpp"
#include "logicmock/file_store.hpp"
#include "logicmock/mock_server.hpp"
#include "state/seed_writer.hpp"
#include "util/iso_time.hpp"

using namespace logicmock;
using namespace logicmock::test;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "logicmock-state-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name = "state.json") const {
        return (path / name).string();
    }
};

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

WorkflowRecord find(WorkflowStore& store, const std::string& name = kWorkflow) {
    return *store.find_workflow({kSubscription, kResourceGroup, name});
}

std::string state_error(const std::string& path) {
    try {
        make_file_store(path, callback_seed());
    } catch (const StateFileError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a missing state file is created from the seed, private to the user", "[state]") {
    TempDir dir;
    auto store = make_file_store(dir.file(), callback_seed());
    REQUIRE(fs::exists(dir.file()));
    REQUIRE_FALSE(fs::exists(dir.file() + ".tmp"));
    struct stat info {};
    REQUIRE(::stat(dir.file().c_str(), &info) == 0);
    REQUIRE((info.st_mode & 0777) == 0600);
    Seed reloaded = load_seed_file(dir.file());  // the seed format, loadable as a seed
    REQUIRE(reloaded.workflows.size() == 2);
    REQUIRE(find(*store).workflow_id == kWorkflowId);
}

TEST_CASE("every change is on disk when the call returns", "[state]") {
    TempDir dir;
    Seed seed = callback_seed();
    auto store = make_file_store(dir.file(), seed);
    AccessKey fresh{};
    fresh.fill(7);
    REQUIRE(store->replace_key({kSubscription, kResourceGroup, "TESTWORKFLOWNAME"},
                               KeySlot::Secondary, fresh));

    WorkflowRecord created = find(*store);
    created.name = "orders";
    created.workflow_id = std::string(32, 'a');
    created.definition = R"({"triggers":{"go":{"type":"Request"}}})";
    created.tags = R"({"team":"x"})";
    created.triggers = {TriggerRecord{"go", "Request"}};
    REQUIRE(store->put_workflow(created).created);
    REQUIRE(store->delete_workflow({kSubscription, kResourceGroup, "noRequest"}));
    REQUIRE_FALSE(store->delete_workflow({kSubscription, kResourceGroup, "noRequest"}));

    // A second store on the same file sees exactly that state.
    auto again = make_file_store(dir.file(), default_seed());
    REQUIRE(find(*again).secondary_key == fresh);
    REQUIRE(find(*again).primary_key == find(*store).primary_key);
    auto orders = find(*again, "orders");
    REQUIRE(orders.workflow_id == std::string(32, 'a'));
    REQUIRE(orders.definition == created.definition);
    REQUIRE(orders.tags == created.tags);
    REQUIRE(to_ticks(orders.created_time) == to_ticks(created.created_time));
    REQUIRE_FALSE(again->find_workflow({kSubscription, kResourceGroup, "noRequest"}));
    REQUIRE(again->find_resource_group(kSubscription, "emptyGroup"));
    REQUIRE(again->find_workflow_by_id(std::string(32, 'A')));
}

TEST_CASE("seed_to_json writes what parse_seed reads", "[state]") {
    Seed seed = callback_seed();
    Seed round = parse_seed(seed_to_json(seed), "round");
    REQUIRE(round.subscriptions == seed.subscriptions);
    REQUIRE(round.resource_groups.size() == seed.resource_groups.size());
    Seed with_tenants = default_seed();
    with_tenants.subscriptions[0].display_name = "Named";
    Seed tenants_round = parse_seed(seed_to_json(with_tenants), "round");
    REQUIRE(tenants_round.tenants == with_tenants.tenants);
    REQUIRE(tenants_round.subscriptions == with_tenants.subscriptions);
    REQUIRE(round.workflows.size() == seed.workflows.size());
    for (std::size_t i = 0; i < seed.workflows.size(); ++i) {
        const auto &a = seed.workflows[i], &b = round.workflows[i];
        REQUIRE(a.name == b.name);
        REQUIRE(a.workflow_id == b.workflow_id);
        REQUIRE(a.primary_key == b.primary_key);
        REQUIRE(a.secondary_key == b.secondary_key);
        REQUIRE(a.triggers.size() == b.triggers.size());
        REQUIRE(to_ticks(a.changed_time) == to_ticks(b.changed_time));
    }
}

TEST_CASE("a corrupt or invalid state file stops start-up and is left untouched", "[state]") {
    TempDir dir;
    for (const std::string& text :
         {std::string("{\"subscriptions\":[{\"subscriptionId\":"), std::string(""),
          std::string(R"({"subscriptions":[{"subscriptionId":"s","resourceGroups":[{"name":"g",)"
                      R"("workflows":[{"name":"w","accessKeys":{"primary":"short"}}]}]}]})")}) {
        INFO(text);
        write_text(dir.file(), text);
        const std::string message = state_error(dir.file());
        REQUIRE_THAT(message, Catch::Contains("state file '" + dir.file() +
                                              "' is corrupt or invalid and was left untouched"));
        REQUIRE(read_text(dir.file()) == text);

        ServerOptions options;
        options.state_file = dir.file();
        REQUIRE_THROWS_AS(MockServer(options), StateFileError);
        REQUIRE(read_text(dir.file()) == text);
    }
}

TEST_CASE("a save that fails changes nothing and the request gets 500", "[state]") {
    TempDir dir;
    auto store = make_file_store(dir.file(), callback_seed());
    Service service(CallbackFixture::runtime_options(), store);
    const auto before = find(*store);
    const std::string on_disk = read_text(dir.file());
    fs::create_directory(dir.file() + ".tmp");  // the temp file cannot be created

    Response r =
        service.handle(arm_request("POST", regenerate_target(), R"({"keyType":"Primary"})"));
    REQUIRE(r.status == 500);
    REQUIRE(error_code(r) == "InternalServerError");
    REQUIRE(find(*store).primary_key == before.primary_key);
    REQUIRE(read_text(dir.file()) == on_disk);
    REQUIRE(
        service.handle(arm_request("PUT", workflow_target("orders"), R"({"location":"westus"})"))
            .status == 500);
    REQUIRE_FALSE(store->find_workflow({kSubscription, kResourceGroup, "orders"}));

    fs::remove(dir.file() + ".tmp");
    REQUIRE(service.handle(arm_request("POST", regenerate_target(), R"({"keyType":"Primary"})"))
                .status == 200);
    REQUIRE(make_file_store(dir.file(), default_seed())
                ->find_workflow({kSubscription, kResourceGroup, kWorkflow})
                ->primary_key == find(*store).primary_key);
}

TEST_CASE("a state file in a missing directory is a start-up error", "[state]") {
    TempDir dir;
    REQUIRE_THAT(state_error((dir.path / "no" / "state.json").string()),
                 Catch::Contains("cannot create"));
}

TEST_CASE("ISO 8601 times: parsed with offsets and fractions, printed with seven digits",
          "[state][time]") {
    REQUIRE(format_iso8601(*parse_iso8601("2018-04-19T16:00:00Z")) ==
            "2018-04-19T16:00:00.0000000Z");
    REQUIRE(format_iso8601(*parse_iso8601("2018-04-19T18:00:00.123456789+02:00")) ==
            "2018-04-19T16:00:00.1234567Z");
    REQUIRE(format_iso8601(*parse_iso8601("9999-12-31T23:59:59.9999999Z")) ==
            "9999-12-31T23:59:59.9999999Z");
    REQUIRE(format_iso8601(*parse_iso8601("2024-02-29T00:00:00-01:30")) ==
            "2024-02-29T01:30:00.0000000Z");
    for (const char* bad : {"", "2018-04-19", "2018-02-30T00:00:00Z", "2018-04-19T24:00:00Z",
                            "2018-04-19T16:00:00.Z", "2018-04-19T16:00:00Zjunk", "tomorrow"}) {
        INFO(bad);
        REQUIRE_FALSE(parse_iso8601(bad));
    }
    // Logic's version numbers: Int64.MaxValue minus ticks, 20 digits.
    REQUIRE(reverse_ticks(*parse_iso8601("2018-08-09T22:54:54Z")).size() == 20);
    REQUIRE(reverse_ticks(*parse_iso8601("2018-08-09T22:54:54Z")).rfind("085866", 0) == 0);
}

TEST_CASE("the state-file and runtime-base-url flags, also from the environment", "[state][cli]") {
    auto parse = [](std::vector<std::string> args, const char* env_state = nullptr) {
        return parse_cli(args, [env_state](const char* name) -> const char* {
            return std::string(name) == "LOGICMOCK_STATE_FILE" ? env_state : nullptr;
        });
    };
    CliConfig c = parse({"--state-file", "/tmp/s.json", "--runtime-base-url",
                         "https://prod-01.westus.logic.azure.com"});
    REQUIRE(c.server.state_file == "/tmp/s.json");
    REQUIRE(c.server.service.runtime_base_url == "https://prod-01.westus.logic.azure.com");
    REQUIRE_FALSE(parse({}).server.state_file);
    REQUIRE(parse({}, "/var/lib/lm.json").server.state_file == "/var/lib/lm.json");
    REQUIRE_THROWS_AS(parse({"--runtime-base-url", "prod-01.logic.azure.com"}), UsageError);
    REQUIRE_THROWS_AS(parse({"--state-file="}), UsageError);
    REQUIRE_THAT(cli_help(), Catch::Contains("--state-file PATH"));
    REQUIRE_THAT(cli_help(), Catch::Contains("--runtime-base-url URL"));
}

TEST_CASE("concurrent rotations on a file store: the file ends with the live keys",
          "[state][concurrency]") {
    TempDir dir;
    auto store = make_file_store(dir.file(), callback_seed());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&store, t] {
            for (int i = 0; i < 25; ++i) {
                AccessKey key{};
                key.fill(static_cast<std::uint8_t>(t * 25 + i + 1));
                store->replace_key({kSubscription, kResourceGroup, kWorkflow},
                                   t % 2 ? KeySlot::Primary : KeySlot::Secondary, key);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    auto live = find(*store);
    REQUIRE(live.primary_rotations == 50);
    REQUIRE(live.secondary_rotations == 50);
    auto reloaded = find(*make_file_store(dir.file(), default_seed()));
    REQUIRE(reloaded.primary_key == live.primary_key);
    REQUIRE(reloaded.secondary_key == live.secondary_key);
}

TEST_CASE("a revoked client secret stays revoked across restarts and reset restores it",
          "[state]") {
    TempDir dir;
    const Seed seed = default_seed();
    const auto& tenant = seed.tenants[0];
    const auto& sp = tenant.service_principals[0];
    auto store = make_file_store(dir.file(), seed);
    REQUIRE(store->revoke_secret(tenant.tenant_id, sp.client_id, sp.secrets[0]));
    REQUIRE_FALSE(store->revoke_secret(tenant.tenant_id, sp.client_id, sp.secrets[0]));
    REQUIRE(store->find_tenant(tenant.default_domain)->service_principals[0].secrets.empty());

    auto again = make_file_store(dir.file(), seed);
    REQUIRE(again->find_tenant(tenant.tenant_id)->service_principals[0].secrets.empty());
    REQUIRE(again->find_subscription(seed.subscriptions[0].subscription_id)->tenant_id ==
            tenant.tenant_id);
    again->reset_to_seed();
    REQUIRE(again->tenants() == seed.tenants);
}
