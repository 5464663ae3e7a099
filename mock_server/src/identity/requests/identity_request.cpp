#include "identity/requests/identity_request.hpp"

#include "identity/directory/directory.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "logicmock/http_headers.hpp"
#include "util/random_bytes.hpp"

namespace logicmock {

Response entra_json(const IdentityRequest& in, const std::string& body) {
    Response response(200, {}, body);
    add_entra_headers(response, in.request, random_guid());
    return response;
}

std::variant<EntraForm, Response> read_entra_form(const IdentityRequest& in,
                                                  const IdentityRoute& route) {
    const Request& request = in.request;
    auto error = [&](EntraErrorId id, std::initializer_list<std::string_view> args = {}) {
        return entra_error(id, args, request, in.now);
    };
    if (!iequals(request.method, "POST")) return error(EntraErrorId::PostOnly, {request.method});
    EntraForm out;
    if (!is_multi_tenant_alias(route.tenant)) {
        out.tenant = resolve_tenant(in.store, route.tenant, in.options.identity);
        if (!out.tenant) return error(EntraErrorId::UnknownTenant, {route.tenant});
    }
    if (request.body.size() > kMaxTokenRequestBytes) {
        return error(EntraErrorId::InvalidParameter, {"request body"});
    }
    const auto type = request.headers.get("Content-Type");
    const bool form_typed =
        type && ascii_lower(*type).rfind("application/x-www-form-urlencoded", 0) == 0;
    if (form_typed) out.form = parse_form_body(request.body);
    if (!out.form.invalid.empty()) {
        return error(EntraErrorId::InvalidParameter, {out.form.invalid});
    }
    return out;
}

}  // namespace logicmock
