#include "logicmock/client/workflows_client.hpp"

#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "http_transport.hpp"
#include "logicmock/json_text.hpp"
#include "request_id.hpp"
#include "response_typing.hpp"

namespace logicmock::client {
namespace {

using std::chrono::milliseconds;

// The attempts of one logical call, and how the last one ended.
struct Attempts {
    AttemptOutcome last;
    int count = 0;
    milliseconds elapsed{0};
};

template <class T>
Result<T> to_result(Attempts attempts, std::string client_request_id,
                    Typed<T> (*type)(const HttpResponse&)) {
    Result<T> result;
    result.attempts = attempts.count;
    result.elapsed = attempts.elapsed;
    result.client_request_id = std::move(client_request_id);
    if (auto* failure = std::get_if<TransportError>(&attempts.last)) {
        result.outcome = std::move(*failure);
        return result;
    }
    result.response = std::get<HttpResponse>(std::move(attempts.last));
    std::visit([&](auto&& typed) { result.outcome = std::move(typed); }, type(*result.response));
    return result;
}

}  // namespace

struct WorkflowsClient::Impl {
    ClientOptions options;  // as given, so options() can be copied into another client
    std::shared_ptr<Transport> transport;
    std::mt19937_64 engine{std::random_device{}()};

    explicit Impl(ClientOptions opts) : options(std::move(opts)), transport(options.transport) {
        const BaseUrl base_url = parse_base_url(options.base_url);  // validated either way
        if (!transport) {
            transport = make_http_transport(base_url, options.tls, options.timeouts, options.proxy,
                                            options.user_agent);
        }
    }

    std::chrono::steady_clock::time_point now() const {
        const auto& env = options.environment;
        return env.now ? env.now() : std::chrono::steady_clock::now();
    }
    void sleep(milliseconds delay) const {
        const auto& env = options.environment;
        env.sleep ? env.sleep(delay) : std::this_thread::sleep_for(delay);
    }
    double random() {
        const auto& env = options.environment;
        return env.random ? env.random() : std::uniform_real_distribution<double>(0, 1)(engine);
    }

    // The pipeline's headers, then the caller's on top.
    HttpRequest build(const std::string& method, const std::string& target, const HeaderList& extra,
                      const std::string& body, const std::string& client_request_id) const {
        HttpRequest request{method, target, {}, body};
        request.headers.add("Accept", "application/json");
        request.headers.add("User-Agent", options.user_agent);
        request.headers.add("x-ms-client-request-id", client_request_id);
        if (options.token) {
            if (std::string token = options.token(); !token.empty()) {
                request.headers.add("Authorization", "Bearer " + token);
            }
        }
        for (const auto& [name, value] : extra) request.headers.set(name, value);
        return request;
    }

    Attempts run(const std::string& method, const std::string& target, const HeaderList& headers,
                 const std::string& body, const std::string& client_request_id) {
        const auto started = now();
        Attempts attempts;
        for (int retries_done = 0;; ++retries_done) {
            // Built per attempt so a token provider can refresh an expiring token.
            attempts.last =
                transport->send(build(method, target, headers, body, client_request_id));
            ++attempts.count;
            auto delay = next_retry_delay(options.retry, retries_done, attempts.last, random());
            if (!delay) break;
            sleep(*delay);
        }
        attempts.elapsed = std::chrono::duration_cast<milliseconds>(now() - started);
        return attempts;
    }

    template <class T>
    Result<T> call(const std::string& method, const std::string& target, const HeaderList& headers,
                   const std::string& body, Typed<T> (*type)(const HttpResponse&)) {
        std::string id = new_request_id(engine);
        Attempts attempts = run(method, target, headers, body, id);
        return to_result<T>(std::move(attempts), std::move(id), type);
    }
};

WorkflowsClient::WorkflowsClient(ClientOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}
WorkflowsClient::~WorkflowsClient() = default;
WorkflowsClient::WorkflowsClient(WorkflowsClient&&) noexcept = default;
WorkflowsClient& WorkflowsClient::operator=(WorkflowsClient&&) noexcept = default;

const ClientOptions& WorkflowsClient::options() const {
    return impl_->options;
}

Result<NoContent> WorkflowsClient::regenerate_access_key(const Workflow& workflow,
                                                         KeyType key_type) {
    const nlohmann::json body = {{"keyType", to_string(key_type)}};
    return impl_->call<NoContent>("POST", action_target(workflow, "regenerateAccessKey"),
                                  {{"Content-Type", "application/json"}}, to_json_text(body),
                                  &type_no_content);
}

Result<CallbackUrl> WorkflowsClient::list_callback_url(const Workflow& workflow,
                                                       std::optional<std::string> not_after,
                                                       std::optional<KeyType> key_type) {
    nlohmann::json body = nlohmann::json::object();
    if (not_after) body["notAfter"] = *not_after;
    if (key_type) body["keyType"] = to_string(*key_type);
    return impl_->call<CallbackUrl>("POST", action_target(workflow, "listCallbackUrl"),
                                    {{"Content-Type", "application/json"}}, to_json_text(body),
                                    &type_callback_url);
}

Result<CallbackUrl> WorkflowsClient::list_trigger_callback_url(const Workflow& workflow,
                                                               std::string_view trigger) {
    const std::string action = "triggers/" + encode_path_segment(trigger) + "/listCallbackUrl";
    return impl_->call<CallbackUrl>("POST", action_target(workflow, action), {}, {},
                                    &type_callback_url);
}

Result<HttpResponse> WorkflowsClient::send_raw(std::string method, std::string path_and_query,
                                               HeaderList headers, std::string body) {
    return impl_->call<HttpResponse>(method, path_and_query, headers, body, &type_raw);
}

}  // namespace logicmock::client
