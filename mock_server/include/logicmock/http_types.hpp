#pragma once
// Transport-free HTTP request and response: what the pipeline reads and writes.
// The httplib adapter converts to and from these; unit tests build them directly.

#include <string>

#include "logicmock/http_headers.hpp"

namespace logicmock {

struct Request {
    std::string method;  // "POST"
    std::string target;  // raw request target: path plus optional "?query", still percent-encoded
    Headers headers;
    std::string body;
};

struct Response {
    int status = 200;
    Headers headers;
    std::string body;
};

}  // namespace logicmock
