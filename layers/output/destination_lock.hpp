#pragma once
// An advisory lock on an output for the whole of a write, so two depmap processes
// writing one destination take turns: a GeoPackage both add a layer to keeps both, a
// Shapefile's files never come from two writers.
//
// The lock is flock(2) on `.NAME.depmap-lock` beside the destination, removed when the
// lock is released. Whoever takes the lock checks that the file it locked is still the
// one at that path (a releasing writer may have removed it), so removing it is safe.
#include <filesystem>

namespace depmap::layers {

class DestinationLock {
public:
    // Waits for the lock. Throws OutputError naming `destination` when the folder
    // cannot be written.
    explicit DestinationLock(const std::filesystem::path& destination);
    ~DestinationLock();
    DestinationLock(const DestinationLock&) = delete;
    DestinationLock& operator=(const DestinationLock&) = delete;

private:
    std::filesystem::path m_path;
    int m_fd = -1;
};

// The lock file's name for `destination`, and whether a name is one.
std::filesystem::path lock_path(const std::filesystem::path& destination);
bool is_lock_name(const std::string& name);

// Removes the lock file at `path` when no process holds it. Returns whether it did.
bool remove_unheld_lock(const std::filesystem::path& path);

} // namespace depmap::layers
