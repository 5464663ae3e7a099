#include "identity/signin/sign_in_page.hpp"

#include "util/random_bytes.hpp"

namespace logicmock {
namespace {

std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

constexpr std::string_view kStyle =
    "body{font-family:sans-serif;background:#f2f2f2;margin:0}"
    "main{max-width:26rem;margin:3rem auto;background:#fff;padding:2rem;"
    "box-shadow:0 2px 6px rgba(0,0,0,.2)}"
    "label{display:block;margin-top:1rem}input{width:100%;box-sizing:border-box;padding:.4rem}"
    "button{margin-top:1.5rem;padding:.5rem 2rem;background:#0067b8;color:#fff;border:0}"
    ".error{color:#e81123}.app{color:#555}";

std::string document(std::string_view heading, const std::string& body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>" +
           escaped(heading) + " - logicmock Entra ID</title><style>" + std::string(kStyle) +
           "</style></head><body><main>\n" + body + "</main></body></html>\n";
}

Response html(int status, std::string body) {
    Response response(status, {}, std::move(body));
    response.headers.set("Content-Type", "text/html; charset=utf-8");
    response.headers.set("Cache-Control", "no-store, no-cache");
    response.headers.set("Pragma", "no-cache");
    response.headers.set("X-Frame-Options", "DENY");
    response.headers.set("Content-Security-Policy",
                         "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    response.headers.set("Referrer-Policy", "no-referrer");
    response.headers.set("X-Content-Type-Options", "nosniff");
    response.headers.set("x-ms-request-id", random_guid());
    return response;
}

}  // namespace

Response sign_in_page_response(const SignInPage& page) {
    std::string body = "<h1>" + escaped(page.heading) + "</h1>\n";
    body += "<p class=\"app\" id=\"app\">" + escaped(page.app_name) + "</p>\n";
    body += "<p class=\"app\" id=\"tenant\">" + escaped(page.tenant_name) + "</p>\n";
    if (!page.error.empty()) {
        body += "<p class=\"error\" id=\"error\" role=\"alert\">" + escaped(page.error) + "</p>\n";
    }
    body += "<form method=\"post\" action=\"" + escaped(page.action) + "\">\n";
    for (const auto& [name, value] : page.hidden) {
        body += "<input type=\"hidden\" name=\"" + escaped(name) + "\" value=\"" + escaped(value) +
                "\">\n";
    }
    if (page.ask_user_code) {
        body +=
            "<label for=\"otc\">Code</label><input id=\"otc\" name=\"otc\" "
            "autocomplete=\"off\" required value=\"" +
            escaped(page.user_code) + "\">\n";
    }
    body +=
        "<label for=\"login\">Email, phone, or Skype</label><input id=\"login\" "
        "name=\"login\" type=\"text\" inputmode=\"email\" autocomplete=\"username\" required "
        "value=\"" +
        escaped(page.user_name) + "\">\n";
    body +=
        "<label for=\"passwd\">Password</label><input id=\"passwd\" name=\"passwd\" "
        "type=\"password\" autocomplete=\"current-password\" required>\n";
    body += "<button type=\"submit\" id=\"idSIButton9\">Sign in</button>\n</form>\n";
    return html(200, document(page.heading, body));
}

Response message_page_response(int status, std::string_view heading, std::string_view text) {
    const std::string body = "<h1>" + escaped(heading) + "</h1>\n<p id=\"message\"" +
                             std::string(status >= 400 ? " class=\"error\" role=\"alert\"" : "") +
                             ">" + escaped(text) + "</p>\n";
    return html(status, document(heading, body));
}

}  // namespace logicmock
