#pragma once
#include <string>

#include "logicmock/workflow_store.hpp"

namespace logicmock {

// Cryptographically strong randomness (OpenSSL RAND_bytes); throws if OpenSSL cannot supply it.
AccessKey random_access_key();
std::string random_guid();  // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"

}  // namespace logicmock
