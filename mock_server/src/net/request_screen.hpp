#pragma once
// Decides an HTTP/1.1 request's framing from the bytes received so far, before httplib parses
// it: httplib 0.11 waits for a line end or a body it will refuse anyway (a request line of
// non-HTTP bytes, Content-Length: -5, a body over the limit), so the client would wait for the
// read timeout. Fed byte by byte as they arrive, it says at once when the request cannot be
// HTTP, when its framing is invalid, or when it is complete (head, plus the body of a chunked
// request) and can be handed to httplib.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace logicmock {

enum class ScreenVerdict {
    NeedMore,      // nothing wrong yet
    Complete,      // the head (and a chunked body) ended; consumed() bytes belong to it
    TlsHandshake,  // a TLS ClientHello on a plain-HTTP port
    Malformed,     // 400: not HTTP, or invalid framing
    UriTooLong,    // 414
    TooLarge,      // 413: the declared or chunked body exceeds the limit
};

class RequestScreen {
  public:
    static constexpr std::size_t kMaxRequestLine = 8192;
    static constexpr std::size_t kMaxHeadBytes = 64 * 1024;

    explicit RequestScreen(std::uint64_t max_body_bytes) : max_body_(max_body_bytes) {}

    // Feeds received bytes; stops at the first verdict other than NeedMore.
    ScreenVerdict feed(std::string_view bytes);
    ScreenVerdict verdict() const { return verdict_; }
    // Bytes of this request fed so far (all of them once Complete: the rest is the next request).
    std::size_t consumed() const { return consumed_; }
    // Why a request was refused, for the log (never request bytes, which may hold a token).
    const std::string& reason() const { return reason_; }

  private:
    enum class State {
        Start,
        Method,
        Target,
        Version,
        RequestLineEnd,
        HeaderLineStart,
        HeaderName,
        HeaderValue,
        HeaderLineEnd,
        HeadEnd,
        ChunkSize,
        ChunkExtension,
        ChunkSizeEnd,
        ChunkData,
        ChunkDataCr,
        ChunkDataLf,
        TrailerLineStart,
        TrailerLine,
        TrailerLineEnd,
        FinalLf,
    };
    ScreenVerdict step(unsigned char c);
    ScreenVerdict refuse(ScreenVerdict verdict, std::string reason);
    // A byte of free text (header value, chunk extension, trailer) up to the CR ending its line.
    ScreenVerdict line_text(unsigned char c, State at_cr, std::size_t max_line, const char* what);
    ScreenVerdict end_of_header_line();
    ScreenVerdict end_of_head();

    std::uint64_t max_body_;
    State state_ = State::Start;
    ScreenVerdict verdict_ = ScreenVerdict::NeedMore;
    std::size_t consumed_ = 0;
    std::size_t line_length_ = 0;
    std::string version_;
    std::string name_;
    std::string value_;
    bool has_content_length_ = false;
    std::uint64_t content_length_ = 0;
    bool chunked_ = false;
    bool has_transfer_encoding_ = false;
    bool expects_continue_ = false;
    std::uint64_t chunk_left_ = 0;
    std::uint64_t body_bytes_ = 0;
    int chunk_digits_ = 0;
    std::string reason_;
};

}  // namespace logicmock
