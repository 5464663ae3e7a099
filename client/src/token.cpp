#include <cstdlib>

#include "logicmock/client/workflows_client.hpp"

namespace logicmock::client {

TokenProvider fixed_token(std::string token) {
    return [token = std::move(token)] { return token; };
}

TokenProvider env_token(std::string variable) {
    return [variable = std::move(variable)] {
        const char* value = std::getenv(variable.c_str());
        return std::string(value ? value : "");
    };
}

}  // namespace logicmock::client
