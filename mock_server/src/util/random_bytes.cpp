#include "util/random_bytes.hpp"

#include <openssl/rand.h>

#include <array>
#include <cstring>
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

// Version 4, variant 1, lower-case hex with dashes.
std::string format_guid(std::array<std::uint8_t, 16> b) {
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3F) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(36, '-');
    std::size_t at = 0;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) ++at;
        out[at++] = kHex[b[i] >> 4];
        out[at++] = kHex[b[i] & 0x0F];
    }
    return out;
}

class Xoshiro256 {
  public:
    Xoshiro256() {
        do {
            auto seed = random_array<sizeof state_>();
            std::memcpy(state_, seed.data(), sizeof state_);
        } while ((state_[0] | state_[1] | state_[2] | state_[3]) == 0);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t state_[4];
};

}  // namespace

AccessKey random_access_key() {
    return random_array<32>();
}

std::string random_guid() {
    return format_guid(random_array<16>());
}

std::string request_guid() {
    thread_local Xoshiro256 generator;
    std::array<std::uint8_t, 16> b{};
    const std::uint64_t words[2] = {generator.next(), generator.next()};
    std::memcpy(b.data(), words, sizeof words);
    return format_guid(b);
}

}  // namespace logicmock
