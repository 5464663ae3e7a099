#pragma once
// Durable state (--state-file): the memory store behind the same interface, with every change
// written to a file in the seed format (schemas/seed.schema.json) before the call returns.

#include <memory>
#include <string>

#include "logicmock/seed.hpp"
#include "logicmock/workflow_store.hpp"

namespace logicmock {

// A state file that cannot be loaded (unreadable, not JSON, against the schema, duplicate
// names) or first written; the file is never overwritten when this is thrown.
class StateFileError : public SeedError {
  public:
    using SeedError::SeedError;
};

// Loads path when it exists, else starts from initial and writes path at once. Each change is
// saved as: write path.tmp, fsync, rename over path, fsync the directory; a crash leaves the
// old or the new state. Throws StateFileError. Invocation counts are not saved.
std::shared_ptr<WorkflowStore> make_file_store(const std::string& path, const Seed& initial);

}  // namespace logicmock
