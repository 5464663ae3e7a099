#include "net/ca_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

namespace logicmock {
namespace {

std::string temporary_path() {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir && *dir ? dir : "/tmp") + "/logicmock-ca-XXXXXX.pem";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int fd = ::mkstemps(name.data(), 4);
    if (fd < 0) {
        throw CaFileError("cannot create a CA file in " + pattern.substr(0, pattern.rfind('/')) +
                          ": " + std::strerror(errno));
    }
    ::close(fd);
    return name.data();
}

}  // namespace

CaFile::CaFile(const std::optional<std::string>& path, const std::string& pem)
    : path_(path ? *path : temporary_path()), temporary_(!path) {
    std::ofstream out(path_, std::ios::binary | std::ios::trunc);
    out << pem;
    out.close();
    if (!out) {
        if (temporary_) std::remove(path_.c_str());
        throw CaFileError("cannot write the CA certificate to '" + path_ + "'");
    }
}

CaFile::~CaFile() {
    if (temporary_) std::remove(path_.c_str());
}

}  // namespace logicmock
