// libFuzzer target over the transport-free pipeline. Input layout (every part optional):
//   METHOD \n TARGET \n (Name: value \n)* \n BODY
// so mutations reach every stage: routing, query parsing, auth headers, media type, JSON, schema.

#include <cstddef>
#include <cstdint>
#include <string_view>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    logicmock::Request request;
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
    logicmock::Response response = service().handle(request);
    if (response.status < 200 || response.status > 599) __builtin_trap();
    if (!response.headers.contains("x-ms-request-id")) __builtin_trap();
    return 0;
}
