#include "net/request_screen.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace logicmock {
namespace {

constexpr std::size_t kMaxMethod = 32;
constexpr std::size_t kMaxChunkLine = 4096;
constexpr std::size_t kMaxFramingValue = 256;
constexpr std::string_view kVersionPrefix = "HTTP/1.";

bool is_tchar(unsigned char c) {
    if (c >= '0' && c <= '9') return true;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_ctl(unsigned char c) {
    return c < 0x20 || c == 0x7f;
}

int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
    return out;
}

// 1*DIGIT that fits 64 bits.
bool parse_length(std::string_view s, std::uint64_t& out) {
    if (s.empty() || s.size() > 19) return false;
    std::uint64_t value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    out = value;
    return true;
}

}  // namespace

ScreenVerdict RequestScreen::refuse(ScreenVerdict verdict, std::string reason) {
    reason_ = std::move(reason);
    return verdict;
}

ScreenVerdict RequestScreen::line_text(unsigned char c, State at_cr, std::size_t max_line,
                                       const char* what) {
    if (c == '\r') {
        state_ = at_cr;
        return ScreenVerdict::NeedMore;
    }
    if ((is_ctl(c) && c != '\t') || line_length_ > max_line) {
        return refuse(ScreenVerdict::Malformed, what);
    }
    return ScreenVerdict::NeedMore;
}

ScreenVerdict RequestScreen::feed(std::string_view bytes) {
    std::size_t i = 0;
    while (verdict_ == ScreenVerdict::NeedMore && i < bytes.size()) {
        if (state_ == State::ChunkData) {  // the chunk's bytes in bulk
            auto n =
                static_cast<std::size_t>(std::min<std::uint64_t>(chunk_left_, bytes.size() - i));
            chunk_left_ -= n;
            i += n;
            consumed_ += n;
            if (chunk_left_ == 0) state_ = State::ChunkDataCr;
            continue;
        }
        verdict_ = step(static_cast<unsigned char>(bytes[i]));
        ++i;
        ++consumed_;
    }
    return verdict_;
}

ScreenVerdict RequestScreen::end_of_header_line() {
    state_ = State::HeaderLineStart;
    std::string name = lower(name_);
    std::string_view value = trim_ows(value_);
    if (name == "content-length") {
        std::string_view rest = value;
        do {  // a list of equal values ("5, 5") is one length
            auto comma = rest.find(',');
            std::uint64_t length = 0;
            if (!parse_length(trim_ows(rest.substr(0, comma)), length)) {
                return refuse(ScreenVerdict::Malformed, "invalid Content-Length");
            }
            if (has_content_length_ && length != content_length_) {
                return refuse(ScreenVerdict::Malformed, "conflicting Content-Length values");
            }
            has_content_length_ = true;
            content_length_ = length;
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            if (comma != std::string_view::npos && trim_ows(rest).empty()) {
                return refuse(ScreenVerdict::Malformed, "invalid Content-Length");
            }
        } while (!rest.empty());
    } else if (name == "transfer-encoding") {
        // httplib decodes exactly "chunked"; any other coding it would silently ignore.
        if (has_transfer_encoding_ || lower(value) != "chunked") {
            return refuse(ScreenVerdict::Malformed, "unsupported Transfer-Encoding");
        }
        has_transfer_encoding_ = true;
        chunked_ = true;
    } else if (name == "expect" && lower(value) == "100-continue") {
        expects_continue_ = true;
    }
    name_.clear();
    value_.clear();
    return ScreenVerdict::NeedMore;
}

ScreenVerdict RequestScreen::end_of_head() {
    if (has_content_length_ && has_transfer_encoding_) {
        return refuse(ScreenVerdict::Malformed, "both Content-Length and Transfer-Encoding");
    }
    if (has_content_length_ && content_length_ > max_body_) {
        return refuse(ScreenVerdict::TooLarge, "Content-Length over the body limit");
    }
    // A client that waits for "100 Continue" sends no chunk before httplib answers it.
    if (!chunked_ || expects_continue_) return ScreenVerdict::Complete;
    state_ = State::ChunkSize;
    line_length_ = 0;
    chunk_digits_ = 0;
    chunk_left_ = 0;
    return ScreenVerdict::NeedMore;
}

ScreenVerdict RequestScreen::step(unsigned char c) {
    if (++line_length_ > kMaxRequestLine && state_ <= State::Version) {
        return refuse(ScreenVerdict::UriTooLong, "request line too long");
    }
    if (state_ >= State::HeaderLineStart && state_ <= State::HeadEnd &&
        consumed_ >= kMaxHeadBytes) {
        return refuse(ScreenVerdict::Malformed, "header section too large");
    }
    switch (state_) {
        case State::Start:
            if (c == 0x16) return refuse(ScreenVerdict::TlsHandshake, "TLS handshake");
            if (!is_tchar(c)) return refuse(ScreenVerdict::Malformed, "not an HTTP request line");
            state_ = State::Method;
            return ScreenVerdict::NeedMore;
        case State::Method:
            if (c == ' ' && line_length_ > 1) {
                state_ = State::Target;
                return ScreenVerdict::NeedMore;
            }
            if (!is_tchar(c) || line_length_ > kMaxMethod) {
                return refuse(ScreenVerdict::Malformed, "not an HTTP request line");
            }
            return ScreenVerdict::NeedMore;
        case State::Target:
            if (c == ' ') {
                state_ = State::Version;
                return ScreenVerdict::NeedMore;
            }
            if (is_ctl(c)) return refuse(ScreenVerdict::Malformed, "not an HTTP request line");
            return ScreenVerdict::NeedMore;
        case State::Version:
            if (c == '\r' && version_.size() == kVersionPrefix.size() + 1) {
                state_ = State::RequestLineEnd;
                return ScreenVerdict::NeedMore;
            }
            if (version_.size() < kVersionPrefix.size()    ? c != kVersionPrefix[version_.size()]
                : version_.size() == kVersionPrefix.size() ? (c != '0' && c != '1')
                                                           : true) {
                return refuse(ScreenVerdict::Malformed, "not HTTP/1.0 or HTTP/1.1");
            }
            version_.push_back(static_cast<char>(c));
            return ScreenVerdict::NeedMore;
        case State::RequestLineEnd:
        case State::HeaderLineEnd:
        case State::HeadEnd:
        case State::ChunkSizeEnd:
        case State::ChunkDataLf:
        case State::TrailerLineEnd:
        case State::FinalLf: {
            if (c != '\n') return refuse(ScreenVerdict::Malformed, "CR without LF");
            State was = state_;
            line_length_ = 0;
            if (was == State::RequestLineEnd) state_ = State::HeaderLineStart;
            if (was == State::HeaderLineEnd) return end_of_header_line();
            if (was == State::HeadEnd) return end_of_head();
            if (was == State::ChunkSizeEnd) {
                if (chunk_left_ > max_body_ - std::min(max_body_, body_bytes_)) {
                    return refuse(ScreenVerdict::TooLarge, "chunked body over the body limit");
                }
                body_bytes_ += chunk_left_;
                state_ = chunk_left_ == 0 ? State::TrailerLineStart : State::ChunkData;
            }
            if (was == State::ChunkDataLf) {
                state_ = State::ChunkSize;
                chunk_digits_ = 0;
            }
            if (was == State::TrailerLineEnd) state_ = State::TrailerLineStart;
            if (was == State::FinalLf) return ScreenVerdict::Complete;
            return ScreenVerdict::NeedMore;
        }
        case State::HeaderLineStart:
            if (c == '\r') {
                state_ = State::HeadEnd;
                return ScreenVerdict::NeedMore;
            }
            name_.clear();
            state_ = State::HeaderName;
            [[fallthrough]];
        case State::HeaderName:
            if (c == ':' && !name_.empty()) {
                state_ = State::HeaderValue;
                return ScreenVerdict::NeedMore;
            }
            if (!is_tchar(c)) return refuse(ScreenVerdict::Malformed, "not an HTTP header line");
            if (name_.size() < kMaxFramingValue) name_.push_back(static_cast<char>(c));
            return ScreenVerdict::NeedMore;
        case State::HeaderValue:
            if (c != '\r' && value_.size() < kMaxFramingValue) {
                value_.push_back(static_cast<char>(c));
            }
            return line_text(c, State::HeaderLineEnd, kMaxHeadBytes, "control byte in a header");
        case State::ChunkSize: {
            int digit = hex_value(c);
            if (digit >= 0) {
                if (++chunk_digits_ > 15) {
                    return refuse(ScreenVerdict::Malformed, "chunk size out of range");
                }
                chunk_left_ = chunk_left_ * 16 + static_cast<std::uint64_t>(digit);
                return ScreenVerdict::NeedMore;
            }
            if (chunk_digits_ == 0) return refuse(ScreenVerdict::Malformed, "invalid chunk size");
            if (c == '\r') {
                state_ = State::ChunkSizeEnd;
                return ScreenVerdict::NeedMore;
            }
            if (c == ';' || c == ' ' || c == '\t') {
                state_ = State::ChunkExtension;
                return ScreenVerdict::NeedMore;
            }
            return refuse(ScreenVerdict::Malformed, "invalid chunk size");
        }
        case State::ChunkExtension:
            return line_text(c, State::ChunkSizeEnd, kMaxChunkLine, "invalid chunk extension");
        case State::ChunkData:  // consumed in bulk by feed()
            return ScreenVerdict::NeedMore;
        case State::ChunkDataCr:
            if (c != '\r') return refuse(ScreenVerdict::Malformed, "chunk longer than its size");
            state_ = State::ChunkDataLf;
            return ScreenVerdict::NeedMore;
        case State::TrailerLineStart:
            if (c == '\r') {
                state_ = State::FinalLf;
                return ScreenVerdict::NeedMore;
            }
            state_ = State::TrailerLine;
            [[fallthrough]];
        case State::TrailerLine:
            return line_text(c, State::TrailerLineEnd, kMaxChunkLine, "invalid trailer line");
    }
    return ScreenVerdict::NeedMore;
}

}  // namespace logicmock
