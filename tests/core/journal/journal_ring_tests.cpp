// The journal's ring: its bound and order, what an entry holds once rendered on read, and
// readers next to writers.

#include <atomic>
#include <catch2/catch.hpp>
#include <thread>

#include "journal/redaction.hpp"
#include "journal/request_journal.hpp"

using namespace logicmock;

namespace {

Request request_to(const std::string& target, std::string body = "") {
    Request r;
    r.method = "POST";
    r.target = target;
    r.headers.add("Authorization", "Bearer secret-token");
    r.headers.add("x-ms-client-request-id", "client-1");
    r.body = std::move(body);
    return r;
}

Response answer(int status, const std::string& request_id = "rid") {
    Response r(status);
    r.headers.set("x-ms-request-id", request_id);
    return r;
}

void record(RequestJournal& journal, const Request& request, int status = 200) {
    RequestTrace trace;
    journal.record(request, answer(status), trace, std::chrono::system_clock::now(), 0.5);
}

std::vector<std::uint64_t> ids(const std::vector<JournalEntry>& entries) {
    std::vector<std::uint64_t> out;
    for (const auto& e : entries) out.push_back(e.id);
    return out;
}

}  // namespace

TEST_CASE("the ring keeps its capacity and the newest entries oldest first", "[journal]") {
    RequestJournal journal(3, 4096);
    for (int i = 0; i < 5; ++i) record(journal, request_to("/a/" + std::to_string(i)));
    const auto entries = journal.list({});
    REQUIRE(ids(entries) == std::vector<std::uint64_t>{3, 4, 5});
    REQUIRE(entries[0].path == "/a/2");
    REQUIRE(entries[2].path == "/a/4");
    REQUIRE(journal.count({}) == 3);
    REQUIRE(ids(journal.list(JournalFilter().after_id(3).at_most(1))) ==
            std::vector<std::uint64_t>{4});

    journal.clear();
    REQUIRE(journal.list({}).empty());
    record(journal, request_to("/b"));
    REQUIRE(ids(journal.list({})) == std::vector<std::uint64_t>{6});  // ids keep rising
}

TEST_CASE("a journal of size 0 keeps nothing", "[journal]") {
    RequestJournal journal(0, 4096);
    record(journal, request_to("/a"));
    REQUIRE(journal.list({}).empty());
    REQUIRE(journal.count({}) == 0);
}

TEST_CASE("an entry rendered on read has the redacted fields of the request", "[journal]") {
    RequestJournal journal(10, 4096);
    const std::string body = R"({"primaryKey":"k-secret","keyType":"Primary"})";
    Request request = request_to("/x/listCallbackUrl?api-version=2019-05-01&sig=s3cr3t", body);
    request.headers.add("REMOTE_ADDR", "127.0.0.1");
    RequestTrace trace;
    trace.operation_id = "Workflows_ListCallbackUrl";
    trace.params.workflow = "wf";
    trace.params.subscription_id = "sub";
    trace.params.resource_group = "rg";
    trace.error_code = "SomeCode";
    trace.error_message = "some message";
    const auto now = std::chrono::system_clock::now();
    journal.record(request, answer(409, "rid-1"), trace, now, 1.25);

    const auto entries = journal.list({});
    REQUIRE(entries.size() == 1);
    const JournalEntry& e = entries[0];
    REQUIRE(e.method == "POST");
    REQUIRE(e.path == "/x/listCallbackUrl");
    REQUIRE(e.query == "api-version=2019-05-01&sig=REDACTED");
    REQUIRE(e.headers ==
            std::vector<std::pair<std::string, std::string>>{
                {"Authorization", "Bearer REDACTED"}, {"x-ms-client-request-id", "client-1"}});
    REQUIRE(e.body == redact_body(body));
    REQUIRE(e.body.find("k-secret") == std::string::npos);
    REQUIRE_FALSE(e.body_truncated);
    REQUIRE(e.status == 409);
    REQUIRE(e.operation == "listCallbackUrl");
    REQUIRE(e.subscription == "sub");
    REQUIRE(e.resource_group == "rg");
    REQUIRE(e.workflow == "wf");
    REQUIRE(e.error_code == "SomeCode");
    REQUIRE(e.error_message == "some message");
    REQUIRE(e.request_id == "rid-1");
    REQUIRE(e.duration_ms == 1.25);
    REQUIRE(e.time.size() == 24);
    REQUIRE(e.time.back() == 'Z');
    REQUIRE(journal.count(JournalFilter().by_operation("listCallback*").by_status(409)) == 1);
    REQUIRE(journal.count(JournalFilter().by_workflow("other")) == 0);
}

TEST_CASE("a body over the limit is redacted before it is cut", "[journal]") {
    // Cut first, the JSON would no longer parse and the key would be kept.
    RequestJournal journal(10, 24);
    const std::string body = R"({"primaryKey":"0123456789abcdef0123456789"})";
    record(journal, request_to("/x", body));
    const auto e = journal.list({}).at(0);
    REQUIRE(e.body_truncated);
    REQUIRE(e.body == redact_body(body).substr(0, 24));
    REQUIRE(e.body.find("0123456789") == std::string::npos);
}

TEST_CASE("a body within the limit that redaction lengthens is cut as before", "[journal]") {
    RequestJournal journal(10, 16);
    const std::string body = "client_secret=ab";  // 16 bytes; REDACTED is longer
    record(journal, request_to("/x", body));
    const auto e = journal.list({}).at(0);
    REQUIRE(e.body == redact_body(body).substr(0, 16));
    REQUIRE(e.body_truncated);
    REQUIRE(e.body.find("=ab") == std::string::npos);
}

TEST_CASE("a query over the cap is redacted before it is cut", "[journal]") {
    RequestJournal journal(10, 4096);
    const std::string query = "sig=" + std::string(kJournalMaxTarget, 's');
    record(journal, request_to("/x?" + query));
    const auto e = journal.list({}).at(0);
    REQUIRE(e.query == "sig=REDACTED");
}

TEST_CASE("readers polling with since see every id once while writers record", "[concurrency]") {
    constexpr int kWriters = 4;
    constexpr int kEach = 500;
    RequestJournal journal(kWriters * kEach, 4096);
    std::atomic<bool> done{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&journal] {
            for (int i = 0; i < kEach; ++i) record(journal, request_to("/w"));
        });
    }
    std::uint64_t last = 0;
    bool in_order = true;
    auto poll = [&] {
        for (const auto& e : journal.list(JournalFilter().after_id(last))) {
            in_order = in_order && e.id == last + 1;
            last = e.id;
        }
    };
    std::thread reader([&] {
        while (!done) poll();
    });
    for (auto& t : writers) t.join();
    done = true;
    reader.join();
    poll();
    REQUIRE(in_order);
    REQUIRE(last == kWriters * kEach);
    REQUIRE(journal.count({}) == kWriters * kEach);
}

TEST_CASE("writers wrapping a small ring leave it full of distinct newest ids", "[concurrency]") {
    RequestJournal journal(8, 64);
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
        writers.emplace_back([&journal] {
            for (int i = 0; i < 300; ++i) record(journal, request_to("/w", "{}"));
        });
    }
    for (auto& t : writers) t.join();
    REQUIRE(ids(journal.list({})) ==
            std::vector<std::uint64_t>{1193, 1194, 1195, 1196, 1197, 1198, 1199, 1200});
}
