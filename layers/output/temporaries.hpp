#pragma once
// The temporary files and folders depmap makes beside its outputs: how they are named,
// which are alive now (so a signal can remove them), and the sweep of those a killed
// process left behind.
//
// A temporary is named `.NAME.<pid>.<8 hex digits>.tmp` after the output NAME it is
// for and the process that made it: a later run removes one whose process is gone.
#include <filesystem>

namespace depmap::layers {

// A fresh temporary path beside `destination` (in `folder` when given).
std::filesystem::path temporary_path(const std::filesystem::path& destination,
                                     const std::filesystem::path& folder = {});

// Registers a path to remove should the process be stopped by a signal; unregisters it.
void register_temporary(const std::filesystem::path& path);
void unregister_temporary(const std::filesystem::path& path);

// Removes every registered temporary (files and whole folders) and keeps any more from
// being registered: for the thread that waits for SIGINT/SIGTERM/SIGHUP, before the
// process ends with the signal. Not for a signal handler (it allocates and locks).
void remove_registered_temporaries();

// Removes the temporaries in `folder` named as above whose process has ended, and lock
// files (destination_lock.hpp) that no process holds. Errors are ignored: a sweep is
// housekeeping, never a reason for a write to fail.
void sweep_stale_temporaries(const std::filesystem::path& folder);

// The process id a temporary's name carries; 0 when `name` is not one of ours.
long temporary_owner(const std::string& name);

} // namespace depmap::layers
