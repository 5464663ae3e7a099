#pragma once
// The admin API for in-process tests: add fault rules and read the journal without HTTP.
//
//   logicmock::MockServer server;  server.start();
//   logicmock::MockAdmin admin(server);
//   admin.add_fault(R"({"match":{"operation":"regenerateAccessKey"},
//                       "action":{"preset":"Throttled"},"times":2})");
//   ... drive the code under test ...
//   REQUIRE(admin.journal(JournalFilter().by_operation("regenerateAccessKey")).size() == 3);

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "logicmock/journal.hpp"

namespace logicmock {

class MockServer;
class Service;

class MockAdmin {
  public:
    explicit MockAdmin(MockServer& server);
    explicit MockAdmin(Service& service);

    // One rule as JSON (the "Rule" of schemas/fault-rules.schema.json); returns its id.
    // Throws FaultRuleError when the rule is invalid or too many are active.
    std::string add_fault(std::string_view rule_json);
    bool remove_fault(const std::string& id);
    void clear_faults();
    // {"value":[{"id":...,"rule":{...},"seed":...,"matched":...,"fired":...}]}, as GET
    // /_mock/faults.
    std::string faults_json() const;

    std::vector<JournalEntry> journal(const JournalFilter& filter = {}) const;
    std::size_t journal_count(const JournalFilter& filter = {}) const;
    void clear_journal();

    // As GET /_mock/throttling: {"mode":..,"limits":{..},"maxBuckets":..,"buckets":[..]}.
    std::string throttling_json() const;
    // As PATCH /_mock/throttling, e.g. R"({"mode":"enforce","limits":{"writes":{"size":5}}})";
    // throws ThrottlingSettingsError (logicmock/throttling.hpp) and then changes nothing.
    void set_throttling(std::string_view settings_json);
    void refill_throttling();  // every bucket full again

    // Workflows back to the seed, fault rules back to the start-up set, journal emptied,
    // throttling buckets refilled.
    void reset();

  private:
    Service& service_;
};

}  // namespace logicmock
