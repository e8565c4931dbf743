#include "layers/output/temporaries.hpp"

#include "layers/output/destination_lock.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <mutex>
#include <random>
#include <set>

#include <signal.h>
#include <unistd.h>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

struct Registry {
    std::mutex mutex;
    std::set<fs::path> paths;
    bool closed = false;  // the process is ending on a signal
};

Registry& registry() {
    static Registry instance;
    return instance;
}

bool process_alive(long pid) {
    if (pid == static_cast<long>(getpid())) return true;
    // EPERM: it exists, under another user.
    return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

} // namespace

fs::path temporary_path(const fs::path& destination, const fs::path& folder) {
    static std::mutex mutex;
    static std::mt19937 random{std::random_device{}()};
    std::uint32_t suffix = 0;
    {
        const std::lock_guard lock(mutex);
        suffix = static_cast<std::uint32_t>(random());
    }
    auto parent = folder.empty() ? destination.parent_path() : folder;
    if (parent.empty()) parent = ".";
    return parent / fmt::format(".{}.{}.{:08x}.tmp", destination.filename().string(), getpid(), suffix);
}

long temporary_owner(const std::string& name) {
    // .NAME.<pid>.<8 hex digits>.tmp
    constexpr std::string_view tail = ".tmp";
    if (name.size() < 2 + 1 + 1 + 1 + 8 + tail.size() || name.front() != '.' || !name.ends_with(tail)) return 0;
    const auto stem = name.substr(0, name.size() - tail.size());
    const auto hex_dot = stem.size() - 9;
    if (stem[hex_dot] != '.' ||
        stem.find_first_not_of("0123456789abcdef", hex_dot + 1) != std::string::npos)
        return 0;
    const auto pid_dot = stem.rfind('.', hex_dot - 1);
    if (pid_dot == std::string::npos || pid_dot == 0 || pid_dot + 1 == hex_dot || pid_dot + 1 + 9 < hex_dot) return 0;
    const auto digits = stem.substr(pid_dot + 1, hex_dot - pid_dot - 1);
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.front() == '0') return 0;
    return std::stol(digits);
}

void register_temporary(const fs::path& path) {
    auto& r = registry();
    std::unique_lock lock(r.mutex);
    if (r.closed) {
        // The process is ending on a signal: nothing new may outlive it.
        lock.unlock();
        std::error_code ignored;
        fs::remove_all(path, ignored);
        pause();
    }
    r.paths.insert(path);
}

void unregister_temporary(const fs::path& path) {
    auto& r = registry();
    const std::lock_guard lock(r.mutex);
    r.paths.erase(path);
}

void remove_registered_temporaries() {
    auto& r = registry();
    const std::lock_guard lock(r.mutex);
    r.closed = true;
    // The writing thread runs on meanwhile: a file it adds to a staged folder while that
    // is emptied makes the folder's removal fail (not empty); once the folder is gone it
    // can add none. So each is removed again until it is gone.
    for (const auto& path : r.paths) {
        std::error_code error;
        for (int attempt = 0; attempt < 100; ++attempt) {
            fs::remove_all(path, error);
            if (!fs::exists(fs::symlink_status(path, error))) break;
        }
    }
    r.paths.clear();
}

void sweep_stale_temporaries(const fs::path& folder) {
    std::error_code error;
    for (fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, error), end; !error && it != end;
         it.increment(error)) {
        const auto name = it->path().filename().string();
        if (const long owner = temporary_owner(name); owner > 0) {
            if (!process_alive(owner)) {
                std::error_code ignored;
                fs::remove_all(it->path(), ignored);
            }
        } else if (is_lock_name(name)) {
            remove_unheld_lock(it->path());
        }
    }
}

} // namespace depmap::layers
