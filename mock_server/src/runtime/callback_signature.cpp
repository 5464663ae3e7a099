#include "runtime/callback_signature.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "util/base64.hpp"

#include "logicmock/http_headers.hpp"

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
    const std::string message = string_to_sign(fields);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
    return base64_encode(std::string_view(reinterpret_cast<const char*>(mac), length),
                         Base64Alphabet::Url, false);
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
