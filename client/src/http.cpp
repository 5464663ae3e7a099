#include "logicmock/client/http.hpp"

namespace logicmock::client {
std::string_view to_string(TransportError::Kind kind) {
    switch (kind) {
        case TransportError::Kind::Connect:
            return "connect";
        case TransportError::Kind::Timeout:
            return "timeout";
        case TransportError::Kind::Tls:
            return "tls";
        case TransportError::Kind::Io:
            return "io";
        case TransportError::Kind::Proxy:
            return "proxy";
        case TransportError::Kind::Other:
            break;
    }
    return "other";
}

}  // namespace logicmock::client
