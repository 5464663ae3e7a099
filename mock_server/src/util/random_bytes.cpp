#include "util/random_bytes.hpp"

#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace logicmock {
namespace {

template <std::size_t N>
std::array<std::uint8_t, N> random_array() {
    std::array<std::uint8_t, N> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(N)) != 1) {
        throw std::runtime_error("OpenSSL RAND_bytes failed");
    }
    return bytes;
}

}  // namespace

AccessKey random_access_key() {
    return random_array<32>();
}

std::string random_guid() {
    auto b = random_array<16>();
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 0x0F];
    }
    return out;
}

}  // namespace logicmock
