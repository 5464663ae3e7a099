#pragma once
// Client for the Microsoft.Logic workflow key operations (api-version 2019-05-01), against
// real Azure or a logicmock server.
//
//   logicmock::client::ClientOptions options;
//   options.base_url = server.url();                     // default: https://management.azure.com
//   options.token = logicmock::client::fixed_token("t");  // default: $AZURE_ACCESS_TOKEN
//   logicmock::client::WorkflowsClient client(options);
//   auto result = client.regenerate_access_key({sub, rg, name}, KeyType::Primary);
//   if (!result) { if (auto* e = result.arm_error()) std::cerr << e->code; }

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "logicmock/client/http.hpp"
#include "logicmock/client/proxy.hpp"
#include "logicmock/client/result.hpp"
#include "logicmock/client/retry.hpp"
#include "logicmock/client/workflow.hpp"

namespace logicmock::client {

// Returns the bearer token for the next attempt; an empty token sends no Authorization
// header. Exceptions it throws propagate out of the call.
using TokenProvider = std::function<std::string()>;

TokenProvider fixed_token(std::string token);
TokenProvider env_token(std::string variable = "AZURE_ACCESS_TOKEN");  // read on every call

struct TlsOptions {
    std::string ca_file;  // PEM bundle; empty: $SSL_CERT_FILE if set, else the system store
    bool verify = true;   // false only on explicit request (--insecure)
};

struct Timeouts {
    std::chrono::milliseconds connect{10'000};
    std::chrono::milliseconds read{60'000};
    std::chrono::milliseconds write{60'000};
};

struct ClientOptions {
    std::string base_url = "https://management.azure.com";  // http or https, optional path
    TokenProvider token = env_token();
    TlsOptions tls;
    ProxyOptions
        proxy;  // default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (logicmock/client/proxy.hpp)
    Timeouts timeouts;
    RetryPolicy retry;
    RetryEnvironment environment;
    std::string user_agent = "logicmock-client/0.1";
    // Sends each attempt; empty: HTTP(S) to base_url with tls, proxy and timeouts.
    std::shared_ptr<Transport> transport;
};

class WorkflowsClient {
  public:
    // Throws std::invalid_argument for a base_url that is not http(s)://host[:port][/path], and
    // ProxyConfigError (an invalid_argument too) for a proxy setting that applies and is unusable.
    explicit WorkflowsClient(ClientOptions options = {});
    ~WorkflowsClient();
    WorkflowsClient(WorkflowsClient&&) noexcept;
    WorkflowsClient& operator=(WorkflowsClient&&) noexcept;

    // POST .../workflows/{wf}/regenerateAccessKey with {"keyType": ...}.
    Result<NoContent> regenerate_access_key(const Workflow& workflow, KeyType key_type);

    // POST .../workflows/{wf}/listCallbackUrl with GetCallbackUrlParameters
    // (notAfter is an RFC 3339 date-time, passed through unchanged).
    Result<CallbackUrl> list_callback_url(const Workflow& workflow,
                                          std::optional<std::string> not_after = {},
                                          std::optional<KeyType> key_type = {});

    // POST .../workflows/{wf}/triggers/{trigger}/listCallbackUrl, empty body, no Content-Type.
    Result<CallbackUrl> list_trigger_callback_url(const Workflow& workflow,
                                                  std::string_view trigger);

    // Any request, with the same pipeline (token, user agent, client request id, retries) and
    // the same typing: 2xx is success; otherwise the body must be an ErrorResponse. Headers
    // given here win over the ones the pipeline adds. path_and_query is sent as is, so it
    // must already be encoded, api-version included.
    Result<HttpResponse> send_raw(std::string method, std::string path_and_query,
                                  HeaderList headers = {}, std::string body = {});

    const ClientOptions& options() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace logicmock::client
