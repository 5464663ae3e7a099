#pragma once
// The generated CA certificate written where clients can read it: the --ca-out path, or a new
// file in $TMPDIR that is removed again when the server exits cleanly.

#include <optional>
#include <stdexcept>
#include <string>

namespace logicmock {

class CaFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class CaFile {
  public:
    // Throws CaFileError when the file cannot be written.
    CaFile(const std::optional<std::string>& path, const std::string& pem);
    ~CaFile();
    CaFile(const CaFile&) = delete;
    CaFile& operator=(const CaFile&) = delete;

    const std::string& path() const { return path_; }

  private:
    std::string path_;
    bool temporary_ = false;
};

}  // namespace logicmock
