#pragma once
// The transport-free core: Service::handle runs one request through ARM's front door
// (route, api-version, auth, resources, media type, JSON, schema) and the operation.
// Requests under /workflows/ are callback URL calls to the Logic runtime host instead and take
// their own, smaller pipeline (runtime_invoke.cpp, docs/callbacks-and-state.md).

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "logicmock/http_types.hpp"
#include "logicmock/service_options.hpp"
#include "logicmock/workflow_store.hpp"

namespace logicmock {

class FaultEngine;
class RequestJournal;
class Throttler;

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

    // The refusal of a proxy request the transport cannot serve (a CONNECT on a TLS listener, a
    // client that did not wait for the CONNECT answer): ProxyRequestInvalid naming reason.
    Response proxy_refusal(const Request& request, std::string_view reason) const;

    const ServiceOptions& options() const;
    // Called by MockServer once the port is known, before any request is served; https_url is
    // the HTTPS listener's when plain HTTP listens too.
    void set_self_base_url(std::string url, std::string https_url = {});
    WorkflowStore& store() const;
    FaultEngine& faults() const;
    RequestJournal& journal() const;
    Throttler& throttling() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace logicmock
