#include "runtime/callback_signature.hpp"

#include <openssl/crypto.h>

#include "logicmock/http_headers.hpp"
#include "util/hmac.hpp"

namespace logicmock {
namespace {

bool same(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string string_to_sign(const SignedFields& f) {
    return ascii_lower(f.workflow_id) + '\n' + ascii_lower(f.scope) + '\n' + f.sp + '\n' + f.sv +
           '\n' + f.se;
}

std::string callback_signature(const AccessKey& key, const SignedFields& fields) {
    return hmac_sha256_base64url(
        std::string_view(reinterpret_cast<const char*>(key.data()), key.size()),
        string_to_sign(fields));
}

std::optional<KeySlot> signing_key(const WorkflowRecord& workflow, const SignedFields& fields,
                                   std::string_view sig) {
    // Both are computed every time so timing does not tell which key matched.
    const bool primary = same(callback_signature(workflow.primary_key, fields), sig);
    const bool secondary = same(callback_signature(workflow.secondary_key, fields), sig);
    if (primary) return KeySlot::Primary;
    if (secondary) return KeySlot::Secondary;
    return std::nullopt;
}

}  // namespace logicmock
