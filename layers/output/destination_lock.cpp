#include "layers/output/destination_lock.hpp"

#include "base/error.hpp"
#include "layers/output/temporaries.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view lock_suffix = ".depmap-lock";

int flock_retrying(int fd, int operation) {
    int result;
    do result = flock(fd, operation);
    while (result != 0 && errno == EINTR);
    return result;
}

// Whether `fd` is still the file at `path`: not removed by the writer before us.
bool still_there(int fd, const fs::path& path) {
    struct stat held {}, named {};
    return fstat(fd, &held) == 0 && stat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
           held.st_ino == named.st_ino;
}

} // namespace

fs::path lock_path(const fs::path& destination) {
    auto parent = destination.parent_path();
    if (parent.empty()) parent = ".";
    return parent / ("." + destination.filename().string() + std::string(lock_suffix));
}

bool is_lock_name(const std::string& name) {
    return name.size() > 1 + lock_suffix.size() && name.front() == '.' && name.ends_with(lock_suffix);
}

DestinationLock::DestinationLock(const fs::path& destination) : m_path(lock_path(destination)) {
    for (;;) {
        m_fd = open(m_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (m_fd < 0)
            throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to",
                                          destination.string(), std::strerror(errno)));
        register_temporary(m_path);
        // A file system without flock (some network ones) writes unlocked, as before.
        if (flock_retrying(m_fd, LOCK_EX) != 0 || still_there(m_fd, m_path)) return;
        close(m_fd);
    }
}

DestinationLock::~DestinationLock() {
    // Removed while held: a process waiting for it finds it gone and makes its own.
    unlink(m_path.c_str());
    unregister_temporary(m_path);
    close(m_fd);
}

bool remove_unheld_lock(const fs::path& path) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return false;
    const bool removed = flock_retrying(fd, LOCK_EX | LOCK_NB) == 0 && still_there(fd, path) &&
                         unlink(path.c_str()) == 0;
    close(fd);
    return removed;
}

} // namespace depmap::layers
