#include "util/base64.hpp"

#include <cstdint>

namespace logicmock {
namespace {

constexpr std::string_view kStandard =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrl =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int value_of(char c, Base64Alphabet alphabet) {
    auto pos = (alphabet == Base64Alphabet::Standard ? kStandard : kUrl).find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::optional<std::string> base64_decode(std::string_view text, Base64Alphabet alphabet) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    if (text.size() % 4 == 1) return std::nullopt;
    std::string out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : text) {
        int v = value_of(c, alphabet);
        if (v < 0) return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xFF);
        }
    }
    return out;
}

std::string base64_encode(std::string_view bytes, Base64Alphabet alphabet, bool pad) {
    std::string_view table = alphabet == Base64Alphabet::Standard ? kStandard : kUrl;
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : bytes) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += table[(buffer >> bits) & 0x3F];
        }
    }
    if (bits > 0) out += table[(buffer << (6 - bits)) & 0x3F];
    while (pad && out.size() % 4 != 0) out += '=';
    return out;
}

}  // namespace logicmock
