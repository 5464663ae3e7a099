#pragma once
#include <string>

#include "logicmock/seed.hpp"

namespace logicmock {

// The seed as a seed file (schemas/seed.schema.json) with everything parse_seed reads back:
// workflow ids, access keys, triggers, definitions, tags and times. Holds secrets.
std::string seed_to_json(const Seed& seed);

}  // namespace logicmock
