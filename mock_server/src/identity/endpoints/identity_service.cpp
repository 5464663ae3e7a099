#include "identity/endpoints/identity_service.hpp"

#include "identity/endpoints/discovery.hpp"
#include "identity/endpoints/imds.hpp"
#include "identity/endpoints/managed_identity.hpp"
#include "identity/endpoints/token_endpoint.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "identity/requests/base_url.hpp"
#include "identity/signin/authorize_endpoint.hpp"
#include "identity/signin/device_code_endpoint.hpp"
#include "logicmock/json_text.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {

IdentityService::IdentityService(const ServiceOptions& options, const WorkflowStore& store)
    : options_(options), store_(store), page_secret_(random_page_secret()) {
    if (!options_.signing_key_file.empty()) {
        key_ = load_or_create_signing_key(options_.signing_key_file);
    }
}

const SigningKey& IdentityService::key() const {
    std::call_once(key_once_, [this] {
        if (!key_) key_ = SigningKey::generate();
    });
    return *key_;
}

std::optional<VerifiedToken> IdentityService::verify(std::string_view token) const {
    return verifier_.verify(token, key());
}

namespace {

// The journal's error code and message for an Entra error: "AADSTSn" (or the OAuth error) and
// the description's first line.
void trace_error(RequestTrace& trace, const Response& response) {
    if (response.status < 400) return;
    auto parsed = parse_json(response.body, 4);
    const auto* body = std::get_if<nlohmann::json>(&parsed);
    if (!body || !body->is_object()) return;
    const auto codes = body->value("error_codes", nlohmann::json::array());
    trace.error_code = !codes.empty() && codes[0].is_number_integer()
                           ? "AADSTS" + std::to_string(codes[0].get<int>())
                           : body->value("error", "");
    const std::string description = body->value("error_description", "");
    trace.error_message = description.substr(0, description.find('\r'));
}

}  // namespace

Response IdentityService::handle(RequestContext& context, const IdentityRoute& route) const {
    Response response = answer(context, route);
    trace_error(context.trace, response);
    return response;
}

Response IdentityService::answer(RequestContext& context, const IdentityRoute& route) const {
    context.trace.operation_id = route.operation_id;
    const IdentityRequest in{context.request,
                             context.target,
                             options_,
                             store_,
                             key(),
                             context.now,
                             request_base_url(context.request, options_),
                             grants_,
                             page_secret_};
    try {
        switch (route.endpoint) {
            case IdentityEndpoint::DiscoveryV2:
            case IdentityEndpoint::DiscoveryV1:
                return serve_discovery(in, route);
            case IdentityEndpoint::Keys:
                return serve_keys(in, route);
            case IdentityEndpoint::TokenV2:
            case IdentityEndpoint::TokenV1:
                return serve_token(in, route);
            case IdentityEndpoint::ManagedIdentity:
                return serve_managed_identity(in);
            case IdentityEndpoint::AuthorizeV2:
            case IdentityEndpoint::AuthorizeV1:
                return serve_authorize(in, route);
            case IdentityEndpoint::DeviceCodeV2:
            case IdentityEndpoint::DeviceCodeV1:
                return serve_device_code(in, route);
            case IdentityEndpoint::DeviceLogin:
                return serve_device_login(in);
            case IdentityEndpoint::InstanceDiscovery:
                return serve_instance_discovery(in);
            case IdentityEndpoint::ImdsToken:
            case IdentityEndpoint::ImdsOther:
                return serve_imds(in, route);
        }
    } catch (const std::exception&) {
    }
    return entra_error(EntraErrorId::TransientError, {}, context.request, context.now);
}

}  // namespace logicmock
