#pragma once
// The sign-in page's anti-CSRF token ("flowToken", as Entra names its own): an HMAC over the
// page's parameters and its issue time with a secret only this server holds. A post from another
// site cannot carry one, and a token is only good for the page (client, redirect URI, state,
// challenge, ...) it was issued with, for an hour.

#include <string>
#include <string_view>

#include "logicmock/workflow_store.hpp"
#include "util/arm_time.hpp"

namespace logicmock {

using PageSecret = AccessKey;

PageSecret random_page_secret();

// `binding`: the page's parameters, joined unambiguously by the caller.
std::string make_page_token(const PageSecret& secret, std::string_view binding, SystemTime now);
bool page_token_valid(const PageSecret& secret, std::string_view binding, std::string_view token,
                      SystemTime now);

}  // namespace logicmock
