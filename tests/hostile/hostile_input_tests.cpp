#include <httplib.h>
#include <sys/resource.h>

#include <catch2/catch.hpp>
#include <memory>
#include <thread>
#include <vector>

#include "logicmock/mock_server.hpp"
#include "pipeline_test_support.hpp"
#include "raw_connection.hpp"

using namespace logicmock;
using namespace logicmock::test;
using namespace std::chrono_literals;

namespace {

// A server plus the key state before the hostile request, and the checks after it.
class Target {
  public:
    explicit Target(int keep_alive_timeout_s = 1, int read_timeout_ms = 1000) {
        ServerOptions options;
        options.keep_alive_timeout_s = keep_alive_timeout_s;
        options.read_timeout_ms = read_timeout_ms;
        options.request_timeout_ms = 2 * read_timeout_ms;
        server_ = std::make_unique<MockServer>(options);
        server_->start();
        before_ = workflow();
    }

    int port() const { return server_->port(); }

    std::string post(const std::string& target, const std::string& body,
                     const std::string& extra_headers = "Content-Type: application/json\r\n") {
        return "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer t\r\n" +
               extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    }

    // The keys are as they were, and a well-formed request is still answered with 200.
    void require_unharmed() {
        auto now = workflow();
        REQUIRE(now.primary_key == before_.primary_key);
        REQUIRE(now.secondary_key == before_.secondary_key);
        httplib::Client client("127.0.0.1", port());
        client.set_connection_timeout(2s);
        client.set_read_timeout(2s);
        auto res = client.Get("/_mock/health");
        REQUIRE(res);
        REQUIRE(res->status == 200);
    }

    WorkflowRecord workflow() {
        return *server_->store().find_workflow({kSubscription, kResourceGroup, kWorkflow});
    }

  private:
    std::unique_ptr<MockServer> server_;
    WorkflowRecord before_;
};

int status_of(const std::string& reply) {
    if (reply.rfind("HTTP/1.1 ", 0) != 0 || reply.size() < 12) return 0;
    return std::stoi(reply.substr(9, 3));
}

std::string code_of(const std::string& reply) {
    auto pos = reply.find("\"code\":\"");
    if (pos == std::string::npos) return "";
    pos += 8;
    return reply.substr(pos, reply.find('"', pos) - pos);
}

void require_error_or_closed(const std::string& reply) {
    INFO(reply.substr(0, 400));
    if (reply.empty()) return;  // closed without an answer
    REQUIRE(status_of(reply) >= 400);
    REQUIRE(status_of(reply) < 500);
}

}  // namespace

TEST_CASE("malformed and truncated JSON get InvalidRequestContent", "[hostile]") {
    Target t;
    for (std::string body : {std::string("{\"keyType\":\"Prim"), std::string("{]"),
                             std::string("{\"keyType\":\"Primary\"}}"), std::string("nul"),
                             std::string("{\"keyType\":\"Primary\",}")}) {
        RawConnection c(t.port());
        c.send(t.post(regenerate_target(), body));
        std::string reply = c.read_response();
        INFO(body);
        REQUIRE(status_of(reply) == 400);
        REQUIRE(code_of(reply) == "InvalidRequestContent");
    }
    t.require_unharmed();
}

TEST_CASE("nesting 100,000 deep is refused without a crash", "[hostile]") {
    Target t;
    RawConnection c(t.port());
    c.send(t.post(regenerate_target(), std::string(100000, '[') + std::string(100000, ']')));
    std::string reply = c.read_response();
    REQUIRE(status_of(reply) == 400);
    REQUIRE(code_of(reply) == "InvalidRequestContent");
    t.require_unharmed();
}

TEST_CASE("a 10 MB body gets 413 before it is sent in full", "[hostile]") {
    Target t;
    RawConnection c(t.port());
    c.send("POST " + regenerate_target() +
           " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\nContent-Type: application/json\r\n"
           "Content-Length: 10485760\r\n\r\n{\"keyType\":\"Primary\",\"pad\":\"");
    c.send(std::string(64 * 1024, 'x'));  // far less than announced
    std::string reply = c.read_response();
    REQUIRE(status_of(reply) == 413);
    REQUIRE(code_of(reply) == "RequestEntityTooLarge");
    t.require_unharmed();
}

TEST_CASE("invalid UTF-8 and NUL bytes in the body are InvalidRequestContent", "[hostile]") {
    Target t;
    for (std::string body :
         {std::string("{\"keyType\":\"\xc3\x28\"}"), std::string("{\"keyType\":\"Prim\0ary\"}", 21),
          std::string("\0\0\0\0", 4)}) {
        RawConnection c(t.port());
        c.send(t.post(regenerate_target(), body));
        std::string reply = c.read_response();
        REQUIRE(status_of(reply) == 400);
        REQUIRE(code_of(reply) == "InvalidRequestContent");
    }
    t.require_unharmed();
}

TEST_CASE("NUL bytes in path and query get an error or a closed connection", "[hostile]") {
    Target t;
    for (std::string target :
         {workflow_path(kSubscription, kResourceGroup, "wf%00x") +
              "/regenerateAccessKey?api-version=2019-05-01",
          regenerate_target() + "%00",
          std::string("/subscriptions/\0/x?api-version=2019-05-01", 39),
          workflow_path() + "/regenerateAccessKey?api-version=2019-05-01%00"}) {
        RawConnection c(t.port());
        c.send(t.post(target, "{}"));
        require_error_or_closed(c.read_response());
    }
    t.require_unharmed();
}

TEST_CASE("a 64 KB header line and 10,000 headers leave the server serving", "[hostile]") {
    Target t;
    {
        RawConnection c(t.port());
        c.send(t.post(
            regenerate_target(), "{}",
            "Content-Type: application/json\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n"));
        require_error_or_closed(c.read_response());
    }
    {
        std::string headers = "Content-Type: application/json\r\n";
        for (int i = 0; i < 10000; ++i) headers += "X-H" + std::to_string(i) + ": v\r\n";
        RawConnection c(t.port());
        c.send(t.post(regenerate_target(), R"({"keyType":"Tertiary"})", headers));
        require_error_or_closed(c.read_response());
    }
    t.require_unharmed();
}

TEST_CASE("overlong names and URIs get 404 or 414", "[hostile]") {
    Target t;
    {
        RawConnection c(t.port());
        c.send(t.post(workflow_path(kSubscription, kResourceGroup, std::string(4000, 'w')) +
                          "/regenerateAccessKey?api-version=2019-05-01",
                      "{}"));
        std::string reply = c.read_response();
        REQUIRE(status_of(reply) == 404);
        REQUIRE(code_of(reply) == "ResourceNotFound");
    }
    {
        RawConnection c(t.port());
        c.send(t.post(workflow_path(kSubscription, kResourceGroup, std::string(20000, 'w')) +
                          "/regenerateAccessKey?api-version=2019-05-01",
                      "{}"));
        require_error_or_closed(c.read_response());
    }
    t.require_unharmed();
}

TEST_CASE("encoded slashes, NULs and dot segments never reach another resource", "[hostile]") {
    Target t;
    const std::string tail = "/regenerateAccessKey?api-version=2019-05-01";
    struct Case {
        std::string target;
        int status;
        std::string code;
    };
    for (const auto& c :
         {Case{workflow_path(kSubscription, kResourceGroup, "..%2F" + kWorkflow) + tail, 404,
               "ResourceNotFound"},
          Case{workflow_path(kSubscription, kResourceGroup, "x/../" + kWorkflow) + tail, 404,
               "InvalidResourceType"},
          Case{workflow_path(kSubscription, "%2E%2E", kWorkflow) + tail, 404,
               "ResourceGroupNotFound"},
          Case{workflow_path(kSubscription, kResourceGroup, kWorkflow + "%00") + tail, 404,
               "ResourceNotFound"},
          Case{workflow_path(kSubscription, kResourceGroup, kWorkflow + "%2F") + tail, 404,
               "ResourceNotFound"}}) {
        RawConnection conn(t.port());
        conn.send(t.post(c.target, R"({"keyType":"Primary"})"));
        std::string reply = conn.read_response();
        INFO(c.target);
        REQUIRE(status_of(reply) == c.status);
        REQUIRE(code_of(reply) == c.code);
    }
    t.require_unharmed();
}

TEST_CASE("duplicate query parameters: the first api-version counts", "[hostile]") {
    Target t;
    RawConnection c(t.port());
    c.send(t.post(workflow_path() + "/regenerateAccessKey?api-version=2019-05-01&api-version=bogus",
                  R"({"keyType":"Secondary"})"));
    REQUIRE(status_of(c.read_response()) == 200);
    RawConnection d(t.port());
    d.send(t.post(workflow_path() + "/regenerateAccessKey?api-version=bogus&api-version=2019-05-01",
                  R"({"keyType":"Secondary"})"));
    std::string reply = d.read_response();
    REQUIRE(status_of(reply) == 400);
    REQUIRE(code_of(reply) == "NoRegisteredProviderFound");
}

TEST_CASE("a request line sent in pieces is still understood", "[hostile]") {
    Target t;
    std::string request = t.post(regenerate_target(), R"({"keyType":"Primary"})");
    RawConnection c(t.port());
    for (std::size_t i = 0; i < request.size(); i += 7) {
        c.send(request.substr(i, 7));
        if (i < 60) std::this_thread::sleep_for(5ms);
    }
    REQUIRE(status_of(c.read_response()) == 200);
    REQUIRE(t.workflow().primary_rotations == 1);
}

TEST_CASE("a client that disconnects mid-body changes nothing", "[hostile]") {
    Target t;
    for (int i = 0; i < 20; ++i) {
        RawConnection c(t.port());
        std::string request = t.post(regenerate_target(), R"({"keyType":"Primary"})");
        c.send(request.substr(0, request.size() - 5));
    }
    t.require_unharmed();
}

TEST_CASE("pipelined requests are all answered, in order", "[hostile]") {
    Target t;
    RawConnection c(t.port(), 3s);
    c.send(t.post(regenerate_target(), R"({"keyType":"Tertiary"})") +
           t.post(regenerate_target(), R"({"keyType":"Secondary"})") +
           t.post(regenerate_target(), R"({"keyType":"Primary"})"));
    REQUIRE(status_of(c.read_response()) == 400);
    REQUIRE(status_of(c.read_response()) == 200);
    REQUIRE(status_of(c.read_response()) == 200);
    REQUIRE(t.workflow().primary_rotations == 1);
    REQUIRE(t.workflow().secondary_rotations == 1);
}

TEST_CASE("garbage instead of HTTP gets 400 or a close", "[hostile]") {
    Target t;
    for (std::string bytes :
         {std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11),
          std::string("GET\r\n\r\n"), std::string("FOO / HTTP/1.1\r\n\r\n"),
          std::string("POST / HTTP/9.9\r\nContent-Length: -5\r\n\r\n"),
          std::string("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")}) {
        RawConnection c(t.port());
        c.send(bytes);
        require_error_or_closed(c.read_all());
    }
    t.require_unharmed();
}

TEST_CASE("idle and slow clients are timed out", "[hostile]") {
    Target t;  // read timeout 1 s, keep-alive timeout 1 s
    RawConnection idle(t.port(), 4s);
    RawConnection slow(t.port(), 4s);
    slow.send("POST ");
    std::this_thread::sleep_for(300ms);
    slow.send("/x");
    auto start = std::chrono::steady_clock::now();
    REQUIRE(idle.closed_by_peer());
    REQUIRE(slow.closed_by_peer());
    REQUIRE(std::chrono::steady_clock::now() - start < 4s);
    t.require_unharmed();
}

TEST_CASE("a client trickling a byte at a time is cut off at the request deadline", "[hostile]") {
    Target t;  // request deadline 2 s; each byte arrives well within the 1 s read timeout
    RawConnection trickle(t.port(), 1s);
    const std::string request = t.post(regenerate_target(), R"({"keyType":"Primary"})");
    bool cut_off = false;
    for (std::size_t i = 0; i < request.size() && !cut_off; ++i) {
        cut_off = !trickle.send(request.substr(i, 1));
        std::this_thread::sleep_for(200ms);
        if (i * 200ms > 6s) break;
    }
    REQUIRE((cut_off || trickle.closed_by_peer()));
    t.require_unharmed();
}

TEST_CASE("300 keep-alive clients at once are all served: no fixed pool to starve", "[hostile]") {
    Target t(10);
    std::vector<std::unique_ptr<RawConnection>> clients;
    for (int i = 0; i < 300; ++i) {
        clients.push_back(std::make_unique<RawConnection>(t.port(), 5s));
        clients.back()->send("GET /_mock/health HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    int served = 0;
    for (auto& c : clients) served += status_of(c->read_response()) == 200;
    REQUIRE(served == 300);
    // Every connection is still open and holds its worker; a second round must still be served.
    served = 0;
    for (auto& c : clients) c->send("GET /_mock/health HTTP/1.1\r\nHost: x\r\n\r\n");
    for (auto& c : clients) served += status_of(c->read_response()) == 200;
    REQUIRE(served == 300);
}

TEST_CASE("1,000 connections opened at once: the server keeps serving new clients", "[hostile]") {
    rlimit files{};
    ::getrlimit(RLIMIT_NOFILE, &files);
    if (files.rlim_cur < 2600 && files.rlim_max >= 2600) {
        files.rlim_cur = 2600;  // 1,000 client ends here plus 1,000 server ends, in one process
        ::setrlimit(RLIMIT_NOFILE, &files);
    }
    if (files.rlim_cur < 2600) {
        WARN("skipped: RLIMIT_NOFILE " << files.rlim_cur << " is too low for 2,000 sockets");
        return;
    }
    Target t(10);
    std::vector<std::unique_ptr<RawConnection>> crowd;
    for (int i = 0; i < 1000; ++i) crowd.push_back(std::make_unique<RawConnection>(t.port(), 5s));
    for (auto& c : crowd) c->send("GET /_mock/health HTTP/1.1\r\nHost: x\r\n\r\n");
    int served = 0;
    for (auto& c : crowd) served += status_of(c->read_response()) == 200;
    REQUIRE(served == 1000);
    t.require_unharmed();  // a fresh client, while all 1,000 connections stay open
}

TEST_CASE("a JSON number out of range is a 4xx naming its path, for every JSON caller",
          "[hostile][json]") {
    Target t;
    const std::string huge = "1" + std::string(400, '0');
    auto answer = [&](const std::string& request) {
        RawConnection c(t.port());
        c.send(request);
        return c.read_response();
    };
    SECTION("a regenerateAccessKey body") {
        auto reply = answer(t.post(regenerate_target(), "{\"keyType\":" + huge + "}"));
        REQUIRE(status_of(reply) == 400);
        REQUIRE(code_of(reply) == "InvalidRequestContent");
        REQUIRE_THAT(reply, Catch::Contains("out of range. Path 'keyType', line 1, position"));
    }
    SECTION("a workflow PUT body") {
        std::string body =
            R"({"location":"westus","properties":{"definition":{"x":[1,)" + huge + "]}}}";
        std::string put = t.post(workflow_path() + "?api-version=2019-05-01", body);
        auto reply = answer("PUT" + put.substr(4));
        REQUIRE(status_of(reply) == 400);
        REQUIRE(code_of(reply) == "InvalidRequestContent");
        REQUIRE_THAT(reply, Catch::Contains("Path 'properties.definition.x[1]'"));
    }
    SECTION("a fault rule posted to /_mock/faults") {
        auto reply = answer(t.post("/_mock/faults", R"({"action":{"status":)" + huge + "}}"));
        REQUIRE(status_of(reply) == 400);
        REQUIRE(code_of(reply) == "InvalidFaultRule");
        REQUIRE_THAT(reply, Catch::Contains("Path 'action.status'"));
    }
    SECTION("an x-mock-fault header") {
        auto reply = answer(t.post(regenerate_target(), R"({"keyType":"Primary"})",
                                   "Content-Type: application/json\r\nx-mock-fault: "
                                   "{\"status\":" +
                                       huge + "}\r\n"));
        REQUIRE(status_of(reply) == 400);
        REQUIRE(code_of(reply) == "InvalidMockFaultHeader");
        REQUIRE_THAT(reply, Catch::Contains("Path 'status'"));
    }
    t.require_unharmed();
}

namespace {

using Clock = std::chrono::steady_clock;

// A server whose read timeout (5 s, the default) a refusal must not wait for.
constexpr int kFramingReadTimeoutMs = 5000;

// Sends bytes that cannot become a valid request and returns the answer (or "" for a close).
// Decided from the bytes received, it takes microseconds; the bound is generous (1 s, against a
// 5 s read timeout) so a loaded machine does not make it flaky.
std::string refused_at_once(Target& t, const std::string& bytes) {
    RawConnection c(t.port(), 8s);
    c.send(bytes);
    auto sent = Clock::now();
    std::string reply = c.read_all();
    auto waited = Clock::now() - sent;
    INFO(bytes.substr(0, 120));
    INFO(reply.substr(0, 400));
    REQUIRE(waited < 1s);
    return reply;
}

void require_refused(const std::string& reply, int status, const std::string& code) {
    INFO(reply.substr(0, 400));
    REQUIRE(status_of(reply) == status);
    REQUIRE(code_of(reply) == code);
    REQUIRE_THAT(reply, Catch::Contains("\r\nConnection: close\r\n"));
    REQUIRE_THAT(reply, Catch::Contains("\r\nx-ms-request-id: "));
}

}  // namespace

TEST_CASE("invalid Content-Length is answered 400 at once, before any body", "[hostile][framing]") {
    Target t(1, kFramingReadTimeoutMs);
    const std::string head = "POST " + regenerate_target() +
                             " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n"
                             "Content-Type: application/json\r\n";
    for (std::string framing :
         {std::string("Content-Length: -5\r\n"), std::string("Content-Length: 12abc\r\n"),
          std::string("Content-Length: \r\n"),
          std::string("Content-Length: 99999999999999999999999\r\n"),
          std::string("Content-Length: 5\r\nContent-Length: 6\r\n"),
          std::string("Content-Length: 5, 6\r\n"),
          std::string("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"),
          std::string("Transfer-Encoding: gzip\r\n")}) {
        require_refused(refused_at_once(t, head + framing + "\r\n"), 400, "BadRequest");
    }
    t.require_unharmed();
}

TEST_CASE("a Content-Length over --max-body-bytes is 413 when the headers arrive",
          "[hostile][framing]") {
    Target t(1, kFramingReadTimeoutMs);
    auto reply = refused_at_once(t, "POST " + regenerate_target() +
                                        " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                        "Content-Length: 10485760\r\n\r\n{\"keyType\":");
    require_refused(reply, 413, "RequestEntityTooLarge");
    t.require_unharmed();
}

TEST_CASE("a bad chunk size or an oversized chunk is refused at once", "[hostile][framing]") {
    Target t(1, kFramingReadTimeoutMs);
    const std::string head = "POST " + regenerate_target() +
                             " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             "Transfer-Encoding: chunked\r\n\r\n";
    for (std::string chunk : {std::string("zz\r\n"), std::string("-5\r\n"),
                              std::string("5\r\nabcdefgh"), std::string("ffffffffffffffffff")}) {
        require_refused(refused_at_once(t, head + chunk), 400, "BadRequest");
    }
    require_refused(refused_at_once(t, head + "200000\r\n{"), 413, "RequestEntityTooLarge");
    t.require_unharmed();
}

TEST_CASE("a request or header line that cannot be HTTP is refused without a line end",
          "[hostile][framing]") {
    Target t(1, kFramingReadTimeoutMs);
    for (std::string bytes :
         {std::string("\x01\x02garbage"), std::string("GET /\x01"), std::string("GE(T / HTTP"),
          std::string("GET / HTTP/2"), std::string("GET / FTP/1.1"),
          std::string("GET / HTTP/1.1\r\nHost: x\r\nBad Header: y"),
          std::string("GET / HTTP/1.1\r\nHost: x\x01"), std::string("GET / HTTP/1.1\r\n folded: y"),
          std::string("GET / HTTP/1.1\rX")}) {
        require_refused(refused_at_once(t, bytes), 400, "BadRequest");
    }
    t.require_unharmed();
}

TEST_CASE("a TLS handshake on the plain-HTTP port is closed at once", "[hostile][framing]") {
    Target t(1, kFramingReadTimeoutMs);
    auto reply =
        refused_at_once(t, std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11));
    REQUIRE(reply.empty());
    t.require_unharmed();
}

TEST_CASE("hostile Logic Apps Standard paths are ARM 4xx and rotate nothing", "[hostile]") {
    Target t;
    const std::string site = "/subscriptions/" + kSubscription + "/resourceGroups/" +
                             kResourceGroup + "/providers/Microsoft.Web/sites/";
    const std::string management = "/hostruntime/runtime/webhooks/workflow/api/management";
    const std::string tail = "/regenerateAccessKey?api-version=2022-03-01";
    struct Case {
        std::string target;
        std::string body;
        std::string type;
        int status;
        std::string code;
    };
    const std::string wf = "/workflows/testStandardWorkflow";
    const std::string good = site + "testStandardSite" + management + wf;
    for (const auto& c : {
             Case{good + "/extra" + tail, "{\"keyType\":\"Primary\"}", "application/json", 404,
                  "InvalidResourceType"},
             Case{site + "testStandardSite" + management + tail, "{\"keyType\":\"Primary\"}",
                  "application/json", 404, "InvalidResourceType"},
             Case{site + "testStandardSite" + management +
                      "/workflows/x%2F..%2FtestStandardWorkflow" + tail,
                  "{\"keyType\":\"Primary\"}", "application/json", 404, "WorkflowNotFound"},
             Case{site + "..%2FtestStandardSite" + management + wf + tail,
                  "{\"keyType\":\"Primary\"}", "application/json", 404, "ResourceNotFound"},
             Case{site + std::string(3000, 's') + management + wf + tail,
                  "{\"keyType\":\"Primary\"}", "application/json", 404, "ResourceNotFound"},
             Case{good + tail, "{\"keyType\":\"Primary\"}", "text/xml", 415,
                  "UnsupportedMediaType"},
             Case{good + "/triggers/manual/listCallbackUrl?api-version=2022-03-01", "{}",
                  "application/json", 400, "InvalidRequestContent"},
             Case{site + "nosuchsite" + management + wf + tail, "{\"keyType\":\"Primary\"}",
                  "application/json", 404, "ResourceNotFound"},
         }) {
        RawConnection conn(t.port());
        conn.send(t.post(c.target, c.body, "Content-Type: " + c.type + "\r\n"));
        std::string reply = conn.read_response();
        INFO(c.target.substr(0, 300) << "\n" << reply.substr(0, 400));
        REQUIRE(status_of(reply) == c.status);
        REQUIRE(code_of(reply) == c.code);
    }
    t.require_unharmed();
}
