#include "logicmock/mock_admin.hpp"

#include "admin/admin_api.hpp"
#include "admin/throttling_admin.hpp"
#include "faults/fault_engine.hpp"
#include "journal/request_journal.hpp"
#include "logicmock/mock_server.hpp"
#include "throttling/throttler.hpp"

namespace logicmock {

MockAdmin::MockAdmin(MockServer& server) : service_(server.service()) {}
MockAdmin::MockAdmin(Service& service) : service_(service) {}

std::string MockAdmin::add_fault(std::string_view rule_json) {
    return add_fault_rule(service_, rule_json);
}

bool MockAdmin::remove_fault(const std::string& id) {
    return service_.faults().remove(id);
}

void MockAdmin::clear_faults() {
    service_.faults().clear();
}

std::string MockAdmin::faults_json() const {
    return fault_rules_json(service_);
}

std::vector<JournalEntry> MockAdmin::journal(const JournalFilter& filter) const {
    return service_.journal().list(filter);
}

std::size_t MockAdmin::journal_count(const JournalFilter& filter) const {
    return service_.journal().count(filter);
}

void MockAdmin::clear_journal() {
    service_.journal().clear();
}

std::string MockAdmin::throttling_json() const {
    return logicmock::throttling_json(service_);
}

void MockAdmin::set_throttling(std::string_view settings_json) {
    apply_throttling_settings(service_, settings_json);
}

void MockAdmin::refill_throttling() {
    service_.throttling().refill_all();
}

void MockAdmin::reset() {
    reset_service(service_);
}

}  // namespace logicmock
