#include "http_transport.hpp"

#include <httplib.h>

#include <chrono>

namespace logicmock::client {
namespace {

using Clock = std::chrono::steady_clock;

template <class Setter>
void set_timeout(std::chrono::milliseconds timeout, Setter setter) {
    const auto ms = timeout.count();
    setter(static_cast<time_t>(ms / 1000), static_cast<time_t>((ms % 1000) * 1000));
}

class HttplibTransport final : public Transport {
  public:
    HttplibTransport(const BaseUrl& base_url, const TlsOptions& tls, const Timeouts& timeouts)
        : client_(base_url.origin()),
          origin_(base_url.origin()),
          path_prefix_(base_url.path_prefix),
          read_timeout_(timeouts.read) {
        set_timeout(timeouts.connect,
                    [&](time_t s, time_t us) { client_.set_connection_timeout(s, us); });
        set_timeout(timeouts.read, [&](time_t s, time_t us) { client_.set_read_timeout(s, us); });
        set_timeout(timeouts.write, [&](time_t s, time_t us) { client_.set_write_timeout(s, us); });
        client_.set_keep_alive(true);  // retries reuse the connection, as the SDKs do
        client_.set_tcp_nodelay(true);
        client_.set_follow_location(false);  // ARM passes redirects back to the caller
        if (!tls.ca_file.empty()) client_.set_ca_cert_path(tls.ca_file);
        client_.enable_server_certificate_verification(tls.verify);
    }

    AttemptOutcome send(const HttpRequest& request) override {
        httplib::Request req;
        req.method = request.method;
        req.path = path_prefix_ + request.target;
        for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
        req.body = request.body;

        const auto started = Clock::now();
        httplib::Result result = client_.send(req);
        if (!result) return classify(result.error(), Clock::now() - started);

        HttpResponse response;
        response.status = result->status;
        for (const auto& [name, value] : result->headers) response.headers.add(name, value);
        response.body = std::move(result->body);
        return response;
    }

  private:
    TransportError classify(httplib::Error error, Clock::duration waited) const {
        using Kind = TransportError::Kind;
        const std::string detail = " (" + httplib::to_string(error) + ")";
        switch (error) {
            case httplib::Error::Connection:
                return {Kind::Connect, "could not connect to " + origin_ + detail};
            case httplib::Error::ConnectionTimeout:
                return {Kind::Timeout, "timed out connecting to " + origin_ + detail};
            case httplib::Error::SSLConnection:
            case httplib::Error::SSLLoadingCerts:
            case httplib::Error::SSLServerVerification:
                return {Kind::Tls, "TLS failure with " + origin_ + detail};
            case httplib::Error::Read:
                // httplib reports a read timeout and a dropped connection alike.
                if (waited >= read_timeout_ * 9 / 10) {
                    return {Kind::Timeout, "no response from " + origin_ + " within " +
                                               std::to_string(read_timeout_.count()) + " ms" +
                                               detail};
                }
                return {Kind::Io, "connection to " + origin_ + " dropped while reading" + detail};
            case httplib::Error::Write:
                return {Kind::Io, "connection to " + origin_ + " dropped while writing" + detail};
            default:
                return {Kind::Other, "request to " + origin_ + " failed" + detail};
        }
    }

    httplib::Client client_;
    std::string origin_;
    std::string path_prefix_;
    std::chrono::milliseconds read_timeout_;
};

}  // namespace

std::shared_ptr<Transport> make_http_transport(const BaseUrl& base_url, const TlsOptions& tls,
                                               const Timeouts& timeouts) {
    return std::make_shared<HttplibTransport>(base_url, tls, timeouts);
}

}  // namespace logicmock::client
