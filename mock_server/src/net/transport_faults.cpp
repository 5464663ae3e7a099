#include "net/transport_faults.hpp"

#include <string>

#include "net/connection.hpp"
#include "net/http_adapter.hpp"

namespace logicmock {
namespace {

// Headers with the full Content-Length, `bytes` of the body, then a failed provider, which
// makes httplib close the connection.
void send_partial(const Response& core, std::size_t bytes, httplib::Response& out) {
    Response headers_only = core;
    headers_only.body.clear();
    std::string content_type = "application/octet-stream";
    if (auto type = core.headers.get("Content-Type")) content_type = std::string(*type);
    headers_only.headers.set("Content-Type", "");
    write_core_response(headers_only, out);
    out.set_content_provider(
        core.body.size(), content_type,
        [body = core.body, bytes](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            if (offset < bytes) sink.write(body.data() + offset, bytes - offset);
            return false;
        });
}

}  // namespace

bool InjectedWaits::wait_for(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !changed_.wait_for(lock, duration, [this] { return cancelled_; });
}

void InjectedWaits::cancel() {
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
    }
    changed_.notify_all();
}

void InjectedWaits::rearm() {
    std::lock_guard lock(mutex_);
    cancelled_ = false;
}

void deliver_response(const Response& core, httplib::Response& out, InjectedWaits& waits) {
    if (core.delay_ms > 0) waits.wait_for(std::chrono::milliseconds(core.delay_ms));
    if (!core.transport_fault) {
        write_core_response(core, out);
        return;
    }
    const TransportFault& fault = *core.transport_fault;
    if (fault.kind == TransportFaultKind::PartialBody) {
        send_partial(core, fault.body_bytes, out);
        return;
    }
    if (fault.kind == TransportFaultKind::Hold) {
        waits.wait_for(std::chrono::milliseconds(fault.hold_ms));
    }
    Connection* connection = Connection::current();
    if (!connection) {
        // Not served by ConnectionServer: never answer normally; headers, then a dropped body.
        send_partial(core, 0, out);
        return;
    }
    if (fault.kind == TransportFaultKind::Reset) connection->reset_on_close();
    // httplib still writes a response; the abandoned connection refuses it and is then closed
    // (FIN, or RST after reset_on_close).
    connection->abandon();
    write_core_response(core, out);
}

}  // namespace logicmock
