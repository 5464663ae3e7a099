#pragma once
// The transport-free core: Service::handle runs one request through ARM's front door
// (route, api-version, auth, resources, media type, JSON, schema) and the operation.
// Requests under /workflows/ are callback URL calls to the Logic runtime host instead and take
// their own, smaller pipeline (runtime_invoke.cpp, docs/CALLBACKS.md).

#include <cstddef>
#include <memory>
#include <string>

#include "logicmock/http_types.hpp"
#include "logicmock/workflow_store.hpp"

namespace logicmock {

enum class AuthPolicy {
    Any,     // any non-empty bearer token
    Static,  // the bearer token must equal ServiceOptions::static_token
    Jwt,     // a JWT whose exp and aud are checked (signature not verified)
};

enum class NotSpecifiedPolicy {
    RotatePrimary,  // keyType NotSpecified (or absent) rotates the primary key
    Reject,         // ... is refused with 400 InvalidRequestContent
};

struct ServiceOptions {
    AuthPolicy auth = AuthPolicy::Any;
    std::string static_token;
    NotSpecifiedPolicy not_specified = NotSpecifiedPolicy::RotatePrimary;
    std::size_t max_body_bytes = 1024 * 1024;
    std::string region = "westus";  // used in x-ms-routing-request-id
    // Base URL of callback URLs (the Logic runtime host, e.g. "https://prod-00.westus.logic.
    // azure.com"); empty: self_base_url, the URL MockServer listens on (set after binding).
    std::string runtime_base_url;
    std::string self_base_url;
};

class Service {
  public:
    Service(ServiceOptions options, std::shared_ptr<WorkflowStore> store);
    ~Service();
    Service(const Service&) = delete;
    Service& operator=(const Service&) = delete;

    Response handle(const Request& request) const;

    // The response for a request the transport refused before the pipeline saw it
    // (e.g. a body over the limit); same headers and error body as every other response.
    Response transport_error(const Request& request, int http_status) const;

    const ServiceOptions& options() const;
    // Called by MockServer once the port is known, before any request is served.
    void set_self_base_url(std::string url);
    WorkflowStore& store() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace logicmock
