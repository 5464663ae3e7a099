// The reference pages stay true: every error code the ARM catalogue can answer with is in
// docs/reference/arm-errors.md, every Entra error in docs/reference/entra-errors.md, and every
// flag --help lists in docs/reference/flags.md.

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "app/cli_options.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "protocol/error_catalogue.hpp"

namespace {

std::string page(const std::string& path) {
    std::ifstream in(LOGICMOCK_SOURCE_DIR "/" + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("docs/reference/arm-errors.md lists every error code of the catalogue", "[docs]") {
    const std::string text = page("docs/reference/arm-errors.md");
    REQUIRE_FALSE(text.empty());
    for (const auto& entry : logicmock::error_catalogue()) {
        INFO(entry.code);
        REQUIRE_THAT(text, Catch::Contains("`" + std::string(entry.code) + "`"));
    }
}

TEST_CASE("docs/reference/entra-errors.md lists every Entra error of the identity catalogue",
          "[docs]") {
    const std::string text = page("docs/reference/entra-errors.md");
    REQUIRE_FALSE(text.empty());
    for (const auto& entry : logicmock::entra_error_catalogue()) {
        const std::string code =
            entry.aadsts != 0 ? "`AADSTS" + std::to_string(entry.aadsts) + "`" : "";
        INFO(entry.error << " " << code);
        REQUIRE_THAT(text, Catch::Contains("`" + std::string(entry.error) + "`"));
        if (!code.empty()) REQUIRE_THAT(text, Catch::Contains(code));
    }
}

TEST_CASE("docs/reference/flags.md documents every flag that --help lists", "[docs]") {
    const std::string text = page("docs/reference/flags.md");
    REQUIRE_FALSE(text.empty());
    const std::string help = logicmock::cli_help();
    const std::regex flag("\n  (--[a-z-]+)");
    int flags = 0;
    for (auto it = std::sregex_iterator(help.begin(), help.end(), flag);
         it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[1];
        if (name == "--help") continue;
        INFO(name);
        REQUIRE_THAT(text, Catch::Contains("`" + name));
        ++flags;
    }
    REQUIRE(flags > 20);
}
