#pragma once
// Files that hold secrets (the state file, the CA key): written atomically, owner-only, and never
// through a link an attacker planted.

#include <string>
#include <string_view>

namespace logicmock {

// Writes text to path: a fresh temporary file PATH.tmp (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600;
// a file or link already there is removed first), fsync, rename onto path, fsync of the directory.
// After a crash path holds the old or the new text, never a mix. Throws std::runtime_error starting
// with label ("state file: cannot create '...': ...").
void write_private_file(const std::string& path, const std::string& text, std::string_view label);

}  // namespace logicmock
