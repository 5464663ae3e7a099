// README stays true: every error code the ARM and Entra catalogues can answer with and every
// flag --help lists must appear in README.md.

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "app/cli_options.hpp"
#include "identity/protocol/entra_errors.hpp"
#include "protocol/error_catalogue.hpp"

namespace {

std::string readme() {
    std::ifstream in(LOGICMOCK_SOURCE_DIR "/README.md");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("README lists every error code of the catalogue", "[docs]") {
    const std::string text = readme();
    REQUIRE_FALSE(text.empty());
    for (const auto& entry : logicmock::error_catalogue()) {
        INFO(entry.code);
        REQUIRE_THAT(text, Catch::Contains("`" + std::string(entry.code) + "`"));
    }
}

TEST_CASE("README lists every Entra error of the identity catalogue", "[docs]") {
    const std::string text = readme();
    for (const auto& entry : logicmock::entra_error_catalogue()) {
        const std::string code =
            entry.aadsts != 0 ? "`AADSTS" + std::to_string(entry.aadsts) + "`" : "";
        INFO(entry.error << " " << code);
        REQUIRE_THAT(text, Catch::Contains("`" + std::string(entry.error) + "`"));
        if (!code.empty()) REQUIRE_THAT(text, Catch::Contains(code));
    }
}

TEST_CASE("README documents every flag that --help lists", "[docs]") {
    const std::string text = readme();
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
