#include <cstdlib>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "base_url.hpp"
#include "http_transport.hpp"
#include "logicmock/client/credential.hpp"
#include "logicmock/json_text.hpp"

namespace logicmock::client {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::seconds;

std::string form_field(std::string_view name, std::string_view value) {
    // Unreserved bytes kept, everything else %XX: valid application/x-www-form-urlencoded.
    return std::string(name) + '=' + encode_path_segment(value);
}

// After the authority host's path prefix, which the HTTP transport adds.
std::string token_path(const std::string& tenant) {
    if (tenant == "adfs") return "/adfs/oauth2/token";
    return '/' + encode_path_segment(tenant) + "/oauth2/v2.0/token";
}

constexpr long long kMaxLifetimeSeconds = 1'000'000'000;  // beyond this the clock would overflow

ContractError contract_error(const HttpResponse& response, std::string path, std::string message) {
    return {response.status, std::move(path), std::move(message), response.body};
}

std::string string_at(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// expires_in as an integer; MSAL and the CLI also accept it as a string of digits.
std::optional<long long> seconds_at(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) return std::nullopt;
    if (it->is_number_integer()) return it->get<long long>();
    if (it->is_string()) {
        const std::string text = it->get<std::string>();
        if (text.empty() || text.size() > 12 ||
            text.find_first_not_of("0123456789") != std::string::npos) {
            return std::nullopt;
        }
        return std::stoll(text);
    }
    return std::nullopt;
}

TokenOutcome type_token_response(const HttpResponse& response,
                                 std::chrono::steady_clock::time_point requested_at) {
    auto parsed = parse_json(response.body);
    const json* body = std::get_if<json>(&parsed);
    const bool is_object = body && body->is_object();
    if (response.status == 200) {
        if (!is_object)
            return contract_error(response, "", "The token answer is not a JSON object.");
        const std::string token = string_at(*body, "access_token");
        if (token.empty()) {
            return contract_error(response, "access_token",
                                  "The token answer has no access_token string.");
        }
        const auto expires_in = seconds_at(*body, "expires_in");
        if (!expires_in || *expires_in <= 0 || *expires_in > kMaxLifetimeSeconds) {
            return contract_error(
                response, "expires_in",
                "The token answer has no expires_in in whole seconds (1 to 10^9).");
        }
        return AccessToken{token, seconds(*expires_in), requested_at + seconds(*expires_in)};
    }
    if (!is_object || string_at(*body, "error").empty()) {
        return contract_error(response, "error",
                              "HTTP " + std::to_string(response.status) +
                                  " without an OAuth error body ({\"error\": ...}).");
    }
    EntraError error;
    error.status = response.status;
    error.error = string_at(*body, "error");
    error.description = string_at(*body, "error_description");
    if (auto it = body->find("error_codes"); it != body->end() && it->is_array()) {
        for (const auto& code : *it) {
            if (code.is_number_integer()) error.error_codes.push_back(code.get<long long>());
        }
    }
    error.timestamp = string_at(*body, "timestamp");
    error.trace_id = string_at(*body, "trace_id");
    error.correlation_id = string_at(*body, "correlation_id");
    error.body = response.body;
    return error;
}

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

}  // namespace

std::string scope_for(std::string_view arm_base_url) {
    std::string base(arm_base_url);
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + "/.default";
}

std::string normalize_authority_host(std::string_view host) {
    std::string result(host);
    if (result.find("://") == std::string::npos) result = "https://" + result;
    while (!result.empty() && result.back() == '/') result.pop_back();
    return result;
}

std::optional<ClientSecretCredentialOptions> credential_options_from_environment() {
    ClientSecretCredentialOptions options;
    options.tenant_id = env("AZURE_TENANT_ID");
    options.client_id = env("AZURE_CLIENT_ID");
    options.client_secret = env("AZURE_CLIENT_SECRET");
    if (options.tenant_id.empty() || options.client_id.empty() || options.client_secret.empty()) {
        return std::nullopt;
    }
    if (std::string host = env("AZURE_AUTHORITY_HOST"); !host.empty()) {
        options.authority_host = normalize_authority_host(host);
    }
    return options;
}

SignInError::SignInError(TokenOutcome outcome)
    : std::runtime_error("sign-in failed: " + describe(outcome)), outcome_(std::move(outcome)) {}

std::string describe(const TokenOutcome& outcome) {
    struct Describe {
        std::string operator()(const AccessToken& t) const {
            return "token valid for " + std::to_string(t.expires_in.count()) + " s";
        }
        std::string operator()(const EntraError& e) const {
            return e.error + " (" + std::to_string(e.status) + "): " + e.description;
        }
        std::string operator()(const TransportError& e) const {
            return std::string(to_string(e.kind)) + ": " + e.message;
        }
        std::string operator()(const ContractError& e) const {
            return "unexpected token answer (HTTP " + std::to_string(e.status) + ") at '" + e.path +
                   "': " + e.message;
        }
    };
    return std::visit(Describe{}, outcome);
}

struct ClientSecretCredential::Impl {
    ClientSecretCredentialOptions options;
    BaseUrl authority;
    std::shared_ptr<Transport> transport;
    std::mutex mutex;  // one token request at a time; the cache is read under it
    std::optional<AccessToken> cached;
    int requests = 0;
    std::mt19937_64 engine{std::random_device{}()};

    explicit Impl(ClientSecretCredentialOptions opts)
        : options(std::move(opts)), authority(parse_base_url(options.authority_host)) {
        if (options.tenant_id.empty()) throw std::invalid_argument("tenant id is empty");
        if (options.client_id.empty()) throw std::invalid_argument("client id is empty");
        if (options.client_secret.empty()) throw std::invalid_argument("client secret is empty");
        if (options.scope.empty()) throw std::invalid_argument("scope is empty");
        transport = options.transport
                        ? options.transport
                        : make_http_transport(authority, options.tls, options.timeouts,
                                              options.proxy, options.user_agent);
    }

    std::chrono::steady_clock::time_point now() const {
        const auto& e = options.environment;
        return e.now ? e.now() : std::chrono::steady_clock::now();
    }

    HttpRequest token_request() const {
        HttpRequest request{"POST", token_path(options.tenant_id), {}, {}};
        request.headers.add("Accept", "application/json");
        request.headers.add("Content-Type", "application/x-www-form-urlencoded");
        request.headers.add("User-Agent", options.user_agent);
        request.body = form_field("grant_type", "client_credentials") + '&' +
                       form_field("client_id", options.client_id) + '&' +
                       form_field("client_secret", options.client_secret) + '&' +
                       form_field("scope", options.scope);
        return request;
    }

    TokenOutcome request_token() {
        const HttpRequest request = token_request();
        for (int retries_done = 0;; ++retries_done) {
            const auto requested_at = now();
            AttemptOutcome attempt = transport->send(request);
            ++requests;
            const double unit = options.environment.random
                                    ? options.environment.random()
                                    : std::uniform_real_distribution<double>(0, 1)(engine);
            if (auto delay = next_retry_delay(options.retry, retries_done, attempt, unit)) {
                options.environment.sleep ? options.environment.sleep(*delay)
                                          : std::this_thread::sleep_for(*delay);
                continue;
            }
            if (auto* failure = std::get_if<TransportError>(&attempt)) return *failure;
            return type_token_response(std::get<HttpResponse>(attempt), requested_at);
        }
    }

    TokenOutcome get() {
        std::lock_guard lock(mutex);
        if (cached && now() < cached->expires_at - options.refresh_margin) return *cached;
        TokenOutcome outcome = request_token();
        if (auto* token = std::get_if<AccessToken>(&outcome)) cached = *token;
        return outcome;
    }
};

ClientSecretCredential::ClientSecretCredential(ClientSecretCredentialOptions options)
    : impl_(std::make_shared<Impl>(std::move(options))) {}
ClientSecretCredential::~ClientSecretCredential() = default;

TokenOutcome ClientSecretCredential::get_token() {
    return impl_->get();
}

TokenProvider ClientSecretCredential::token_provider() {
    return [impl = impl_] {
        TokenOutcome outcome = impl->get();
        if (auto* token = std::get_if<AccessToken>(&outcome)) return token->token;
        throw SignInError(std::move(outcome));
    };
}

int ClientSecretCredential::token_requests() const {
    std::lock_guard lock(impl_->mutex);
    return impl_->requests;
}

}  // namespace logicmock::client
