#pragma once
// Reading environment variables through a function, so the rules that depend on them can be
// tested with a table instead of the process environment.

#include <cstdlib>
#include <functional>
#include <string>

namespace logicmock::client {

// The value of a variable; "" when it is unset (an empty variable counts as unset).
using EnvLookup = std::function<std::string(const char* name)>;

inline EnvLookup process_environment() {
    return [](const char* name) {
        const char* value = std::getenv(name);
        return std::string(value ? value : "");
    };
}

}  // namespace logicmock::client
