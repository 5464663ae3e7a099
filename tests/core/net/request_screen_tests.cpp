// RequestScreen on its own: the verdict for each framing, whatever the pieces the bytes come in.

#include <catch2/catch.hpp>
#include <string>

#include "net/request_screen.hpp"

using namespace logicmock;

namespace {

constexpr std::uint64_t kLimit = 1000;

// The verdict once all bytes are fed, the same for every split into two pieces.
ScreenVerdict screened(const std::string& bytes, std::size_t* consumed = nullptr) {
    RequestScreen whole(kLimit);
    const ScreenVerdict verdict = whole.feed(bytes);
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        RequestScreen split(kLimit);
        split.feed(std::string_view(bytes).substr(0, cut));
        INFO("cut at " << cut);
        REQUIRE(split.feed(std::string_view(bytes).substr(cut)) == verdict);
        REQUIRE(split.consumed() == whole.consumed());
    }
    if (consumed) *consumed = whole.consumed();
    return verdict;
}

}  // namespace

TEST_CASE("a valid head, and a chunked body, are Complete at their last byte", "[net][screen]") {
    std::size_t consumed = 0;
    const std::string get = "GET /a?b=c HTTP/1.1\r\nHost: x\r\nX-A: \t\xc3\xa9\r\n\r\n";
    REQUIRE(screened(get + "GET /next", &consumed) == ScreenVerdict::Complete);
    REQUIRE(consumed == get.size());
    const std::string chunked =
        "POST / HTTP/1.0\r\nTransfer-Encoding: Chunked\r\n\r\n3;x=y\r\nabc\r\nA\r\n0123456789\r\n"
        "0\r\nTrailer: t\r\n\r\n";
    REQUIRE(screened(chunked + "XYZ", &consumed) == ScreenVerdict::Complete);
    REQUIRE(consumed == chunked.size());
    REQUIRE(screened("POST / HTTP/1.1\r\nContent-Length: 5, 5\r\nContent-Length: 5\r\n\r\n") ==
            ScreenVerdict::Complete);
    REQUIRE(screened("POST / HTTP/1.1\r\nContent-Length: 1000\r\n\r\n") == ScreenVerdict::Complete);
}

TEST_CASE("an unfinished but valid request needs more bytes", "[net][screen]") {
    REQUIRE(screened("POS") == ScreenVerdict::NeedMore);
    REQUIRE(screened("GET / HTTP/1.1\r\nHost: x\r\n") == ScreenVerdict::NeedMore);
    REQUIRE(screened("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab") ==
            ScreenVerdict::NeedMore);
}

TEST_CASE("invalid framing is refused from the bytes received", "[net][screen]") {
    for (std::string bad :
         {"\r\nGET / HTTP/1.1", "G\x01", "GET /\x7f", "GET / HTTP/1.2", "GET / HTTP/1.1\n",
          "GET / HTTP/1.1\r\nA B: c", "GET / HTTP/1.1\r\n:x", "GET / HTTP/1.1\r\nA: \x01",
          "GET / HTTP/1.1\r\n\tfold", "POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n",
          "POST / HTTP/1.1\r\nContent-Length: 5,\r\n\r\n",
          "POST / HTTP/1.1\r\nContent-Length: 18446744073709551616\r\n\r\n",
          "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
          "Transfer-Encoding: chunked\r\n\r\n",
          "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n;x\r\n",
          "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab"}) {
        INFO(bad);
        REQUIRE(screened(bad) == ScreenVerdict::Malformed);
    }
    REQUIRE(screened("\x16\x03\x01") == ScreenVerdict::TlsHandshake);
    REQUIRE(screened("GET /" + std::string(RequestScreen::kMaxRequestLine, 'a')) ==
            ScreenVerdict::UriTooLong);
    REQUIRE(screened("POST / HTTP/1.1\r\nContent-Length: 1001\r\n\r\n") == ScreenVerdict::TooLarge);
    REQUIRE(screened("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" +
                     std::string(0x200, 'a') + "\r\n3e9\r\n") == ScreenVerdict::TooLarge);
}
