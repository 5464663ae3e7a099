#include "util/private_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace logicmock {
namespace {

[[noreturn]] void fail_io(std::string_view label, const std::string& what,
                          const std::string& path) {
    const char* reason = std::strerror(errno);
    std::string message(label);
    message.append(": cannot ").append(what).append(" '").append(path).append("': ").append(reason);
    throw std::runtime_error(message);
}

void write_all(int fd, const std::string& text, std::string_view label, const std::string& path) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) fail_io(label, "write", path);
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

void write_private_file(const std::string& path, const std::string& text, std::string_view label) {
    // A stale or planted PATH.tmp (a file or a link) is removed first; O_EXCL|O_NOFOLLOW then
    // refuses anything that appears there meanwhile.
    const std::string temp = path + ".tmp";
    ::unlink(temp.c_str());
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail_io(label, "create", temp);
    try {
        write_all(fd, text, label, temp);
        if (::fsync(fd) != 0) fail_io(label, "fsync", temp);
    } catch (...) {
        ::close(fd);
        ::unlink(temp.c_str());
        throw;
    }
    if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temp.c_str());
        errno = saved;
        fail_io(label, "rename onto", path);
    }
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    const std::string dir = parent.empty() ? std::string(".") : parent.string();
    int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0) fail_io(label, "open directory", dir);
    const int synced = ::fsync(dir_fd);
    ::close(dir_fd);
    if (synced != 0) fail_io(label, "fsync directory", dir);
}

}  // namespace logicmock
