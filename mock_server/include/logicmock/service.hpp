#pragma once
// The transport-free core: Service::handle runs one request through ARM's front door
// (route, api-version, auth, resources, media type, JSON, schema) and the operation.
// Requests under /workflows/ are callback URL calls to the Logic runtime host instead and take
// their own, smaller pipeline (runtime_invoke.cpp, docs/CALLBACKS.md).

#include <cstddef>
#include <memory>
#include <string>

#include "logicmock/faults.hpp"
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
    // Fault injection and the request journal (docs/FAULTS.md).
    std::shared_ptr<const FaultRuleList> faults;  // start-up rules (--faults); may be null
    std::size_t journal_size = 1000;              // entries kept; 0 turns the journal off
    std::size_t journal_body_limit = 4096;        // request body bytes kept per entry
    bool admin_enabled = true;                    // false: no /_mock/ admin API, no x-mock-fault
    std::string admin_token;                      // non-empty: admin calls must present it
};

class FaultEngine;
class RequestJournal;

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
    FaultEngine& faults() const;
    RequestJournal& journal() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace logicmock
