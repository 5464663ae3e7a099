// libFuzzer target over the transport-free front door: the ARM pipeline, the Logic runtime host
// (/workflows/...) and the admin API (/_mock/...). An input is up to four requests separated by
// a line "%%"; each request is laid out as (every part optional)
//   METHOD \n TARGET \n (Name: value \n)* \n BODY
// so mutations reach every stage, and a fault rule posted in one request acts on the next.
// A request may start with a line "@host:port": it came inside a CONNECT tunnel to that
// authority (Request::proxied, scheme https), as the transport sets it. The proxy's own first
// lines are ordinary METHOD/TARGET lines: "CONNECT host:port", "GET http://169.254.169.254/..."
// or "GET https://...". The /_mock/ admin API is reached only by direct requests, as on the wire.
//
// The oracle (any violation traps, so libFuzzer keeps the input):
// - CONNECT accepted (a served host:port) is an empty 200, and changes nothing;
// - the proxy's refusals (403 ProxyHostNotServed, 400 ProxyRequestInvalid, 421
//   MisdirectedRequest) are ErrorResponses; on Entra's hosts and IMDS errors are Entra's shape;
// - a 5xx that no fault asked for (no x-mock-fault header, no fault rule in force) is a bug;
// - an error (>= 400) that no fault shaped must carry an ErrorResponse body;
// - a non-2xx answer must leave every workflow's keys (and the set of workflows) as they were;
// - every answer has a status in 200..599 and an x-ms-request-id.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "admin/admin_api.hpp"
#include "faults/fault_engine.hpp"
#include "hosts/host_table.hpp"
#include "hosts/proxy_request.hpp"
#include "identity/protocol/identity_routes.hpp"
#include "logicmock/http_headers.hpp"
#include "logicmock/json_text.hpp"
#include "logicmock/schema_validator.hpp"
#include "logicmock/seed.hpp"
#include "logicmock/service.hpp"

namespace {

logicmock::Service& service() {
    static logicmock::Service instance(logicmock::ServiceOptions{},
                                       logicmock::make_memory_store(logicmock::default_seed()));
    return instance;
}

std::string_view take_line(std::string_view& rest) {
    auto end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    return line;
}

logicmock::Request parse_request(std::string_view rest) {
    logicmock::Request request;
    if (!rest.empty() && rest.front() == '@') {
        const std::string_view authority = take_line(rest).substr(1);
        auto parsed = logicmock::parse_authority(authority, 443);
        request.proxied = parsed ? logicmock::ProxiedTarget{"https", parsed->host, parsed->port}
                                 : logicmock::ProxiedTarget{"https", std::string(authority), 443};
    }
    request.method = take_line(rest);
    request.target = take_line(rest);
    while (!rest.empty()) {
        std::string_view line = take_line(rest);
        if (line.empty()) break;
        auto colon = line.find(':');
        std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        request.headers.add(std::string(line.substr(0, colon)), std::string(value));
    }
    request.body = rest;
    return request;
}

// Every workflow with its keys: what no failed request may change.
std::string key_state() {
    std::string state;
    for (const auto& wf : service().store().all_workflows()) {
        state += wf.subscription_id + '/' + wf.resource_group + '/' + wf.name + '=';
        state.append(reinterpret_cast<const char*>(wf.primary_key.data()), wf.primary_key.size());
        state.append(reinterpret_cast<const char*>(wf.secondary_key.data()),
                     wf.secondary_key.size());
        state += '\n';
    }
    return state;
}

bool is_error_response(const std::string& body) {
    auto parsed = logicmock::parse_json(body);
    const auto* json = std::get_if<nlohmann::json>(&parsed);
    return json && !logicmock::validate(logicmock::Shape::ErrorResponse, *json);
}

// Entra's error bodies (identity endpoints): an object with string error and error_description.
bool is_entra_error(const std::string& body) {
    auto parsed = logicmock::parse_json(body);
    const auto* json = std::get_if<nlohmann::json>(&parsed);
    return json && json->is_object() && json->contains("error") && (*json)["error"].is_string() &&
           json->contains("error_description") && (*json)["error_description"].is_string();
}

std::optional<logicmock::IdentityRoute> identity_route_of(const logicmock::Request& request) {
    return logicmock::match_identity_route(logicmock::parse_request_target(request.target));
}

// The sign-in pages (authorize, devicelogin) answer in HTML; nothing else of Entra's does.
bool is_sign_in_page(const logicmock::IdentityRoute& route) {
    using logicmock::IdentityEndpoint;
    return route.endpoint == IdentityEndpoint::AuthorizeV2 ||
           route.endpoint == IdentityEndpoint::AuthorizeV1 ||
           route.endpoint == IdentityEndpoint::DeviceLogin;
}

bool is_html_page(const logicmock::Response& response) {
    return response.headers.get("Content-Type").value_or("") == "text/html; charset=utf-8" &&
           response.body.rfind("<!DOCTYPE html>", 0) == 0;
}

// The default seed registers no redirect URI, so the only place a sign-in page may redirect to
// is a loopback one of a public client: never another host.
bool is_loopback_location(const logicmock::Response& response) {
    const std::string location(response.headers.get("Location").value_or(""));
    for (std::string_view host : {"http://localhost", "http://127.0.0.1"}) {
        if (location.size() >= host.size() &&
            logicmock::iequals(std::string_view(location).substr(0, host.size()), host)) {
            const std::string_view rest = std::string_view(location).substr(host.size());
            return rest.empty() || rest[0] == ':' || rest[0] == '/' || rest[0] == '?' ||
                   rest[0] == '#';
        }
    }
    return false;
}

void check(bool ok) {
    if (!ok) __builtin_trap();
}

// Which kind of answer a request must get when no fault is in play: the proxy's decision (as
// Service::handle takes it), then the service of the host it names, else of its path.
enum class Expect { Tunnel, Arm, Identity };

Expect expected_shape(const logicmock::ProxyDecision& decision,
                      const std::optional<logicmock::IdentityRoute>& identity) {
    using Kind = logicmock::ProxyDecision::Kind;
    using logicmock::HostService;
    if (decision.kind == Kind::OpenTunnel) return Expect::Tunnel;
    if (decision.kind == Kind::Refuse) return Expect::Arm;
    if (decision.service == HostService::Entra || decision.service == HostService::Imds) {
        return Expect::Identity;
    }
    if (decision.service) return Expect::Arm;  // ARM and the runtimes answer in ARM's shape
    return identity ? Expect::Identity : Expect::Arm;
}

void run_one(const logicmock::Request& request) {
    const bool fault_possible =
        request.headers.contains("x-mock-fault") || !service().faults().list().empty();
    const std::string before = key_state();
    const bool admin = !request.proxied && logicmock::is_admin_target(request.target);
    logicmock::Response response =
        admin ? logicmock::handle_admin(service(), request) : service().handle(request);
    check(response.status >= 200 && response.status <= 599);
    const auto decision = !admin && service().options().proxy ? logicmock::decide_proxy(request)
                                                              : logicmock::ProxyDecision{};
    const logicmock::Request& served = decision.rewritten ? *decision.rewritten : request;
    const auto identity = identity_route_of(served);
    const Expect expect = expected_shape(decision, identity);
    if (expect == Expect::Tunnel) {  // the transport answers "200 Connection established"
        check(response.status == 200 && response.body.empty());
        check(key_state() == before);
        return;
    }
    check(response.headers.contains("x-ms-request-id"));
    if (!fault_possible) {
        check(response.status < 500);
        if (response.status >= 400) {
            if (expect == Expect::Arm) {
                check(is_error_response(response.body));
            } else if (identity && is_sign_in_page(*identity)) {
                check(is_html_page(response) || is_entra_error(response.body));
            } else {
                check(is_entra_error(response.body));
            }
        }
        if (response.status >= 300 && response.status < 400) {
            check(expect == Expect::Identity && identity && is_sign_in_page(*identity) &&
                  is_loopback_location(response));
        }
    }
    if (response.status < 200 || response.status > 299) check(key_state() == before);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    logicmock::reset_service(service());  // each input starts from the seed, without faults
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (int i = 0; i < 4 && !rest.empty(); ++i) {
        auto split = rest.find("\n%%\n");
        run_one(parse_request(rest.substr(0, split)));
        rest = split == std::string_view::npos ? std::string_view() : rest.substr(split + 4);
    }
    return 0;
}
