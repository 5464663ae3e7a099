#pragma once
// The HTML the sign-in and device-code pages are: one form, no script, no external asset, so it
// works in any browser and without JavaScript. Every value is HTML-escaped; secrets (the
// password) are never written back into the page.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "logicmock/http_types.hpp"

namespace logicmock {

struct SignInPage {
    std::string heading;      // "Sign in", "Enter code"
    std::string app_name;     // the application that asks
    std::string tenant_name;  // the directory it signs in to
    std::string action;       // where the form posts (a path on this server)
    std::vector<std::pair<std::string, std::string>> hidden;  // carried parameters, flowToken
    std::string error;           // Entra's text ("AADSTS50126: ...") when the last try failed
    std::string user_name;       // the name typed last time
    bool ask_user_code = false;  // the device-code page asks for the code too
    std::string user_code;
};

// 200 with the form.
Response sign_in_page_response(const SignInPage& page);

// A page that ends the flow: an error no redirect may carry (unknown client, unvalidated
// redirect URI), or the device-code page's "you may close this window".
Response message_page_response(int status, std::string_view heading, std::string_view text);

}  // namespace logicmock
