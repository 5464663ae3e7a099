#pragma once
#include <string>

#include "logicmock/workflow_store.hpp"

namespace logicmock {

// Cryptographically strong randomness (OpenSSL RAND_bytes); throws if OpenSSL cannot supply it.
AccessKey random_access_key();
std::string random_guid();  // "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"

// The same form, from a per-thread xoshiro256** generator seeded from RAND_bytes: unique and
// unpredictable enough for request ids, cheap enough for every request. Never for a secret.
std::string request_guid();

}  // namespace logicmock
