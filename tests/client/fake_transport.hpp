#pragma once
// Test doubles for the client pipeline: a scripted Transport and a clock that only moves
// when the client sleeps.

#include <chrono>
#include <deque>
#include <memory>
#include <vector>

#include "logicmock/client/workflows_client.hpp"

namespace logicmock::client::testing {

// Answers with the scripted outcomes in order; the last one repeats forever.
class FakeTransport final : public Transport {
  public:
    explicit FakeTransport(std::deque<AttemptOutcome> script) : script_(std::move(script)) {}

    AttemptOutcome send(const HttpRequest& request) override {
        requests.push_back(request);
        AttemptOutcome next = script_.front();
        if (script_.size() > 1) script_.pop_front();
        return next;
    }

    std::vector<HttpRequest> requests;

  private:
    std::deque<AttemptOutcome> script_;
};

struct FakeClock {
    std::chrono::steady_clock::time_point now{};
    std::vector<std::chrono::milliseconds> sleeps;
    double random = 0.5;  // the middle of the jitter range: no jitter

    RetryEnvironment environment() {
        return {[this] { return now; },
                [this](std::chrono::milliseconds d) {
                    sleeps.push_back(d);
                    now += d;
                },
                [this] { return random; }};
    }
};

inline HttpResponse response(int status, std::string body = {}, HeaderList headers = {}) {
    return {status, std::move(headers), std::move(body)};
}

inline HttpResponse arm_error(int status, const std::string& code, HeaderList headers = {}) {
    headers.add("x-ms-request-id", "req-" + code);
    headers.add("x-ms-correlation-request-id", "corr-" + code);
    return {status, std::move(headers),
            R"({"error":{"code":")" + code + R"(","message":"It failed."}})"};
}

// A client on a fake transport and a fake clock; the base URL is never contacted.
struct FakeSetup {
    std::shared_ptr<FakeTransport> transport;
    FakeClock clock;
    WorkflowsClient client;

    explicit FakeSetup(std::deque<AttemptOutcome> script, RetryPolicy policy = {})
        : transport(std::make_shared<FakeTransport>(std::move(script))), client(options(policy)) {}

  private:
    ClientOptions options(const RetryPolicy& policy) {
        ClientOptions o;
        o.token = fixed_token("test-token");
        o.retry = policy;
        o.environment = clock.environment();
        o.transport = transport;
        return o;
    }
};

inline const Workflow kWorkflow{"sub-1", "rg-1", "wf-1"};

}  // namespace logicmock::client::testing
