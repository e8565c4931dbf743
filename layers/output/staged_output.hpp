#pragma once
// Outputs that appear whole or not at all, sidecars included: every file is written
// into a temporary folder beside the destination (temporaries.hpp), synced, then moved
// into place by commit(). An uncommitted stage is removed when the object goes away, so
// a failure leaves the destination folder exactly as it was.
//
// The destination is locked for the object's life (destination_lock.hpp), so two
// processes writing it take turns. A symbolic link is written through: the file it
// names is replaced, the link stays. A FIFO or character device (/dev/null,
// /dev/stdout, ...) is a stream: the output is staged in the system's temporary folder
// and copied into it on commit, never renamed over it, and no -O is needed.
//
// An output of several files (a Shapefile, a file with its .qml) is replaced in an
// order that never lets a reader take files of two outputs for one: the old main file
// is removed first, the new sidecars moved in, the new main file last.
#include "layers/output/destination_lock.hpp"
#include "layers/output/output_destination.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace depmap::layers {

// Throws OutputError, naming -O, when `destination` exists and !overwrite: the check
// StagedOutput makes, for callers that refuse before doing any work. A stream needs
// no -O. Throws OutputError too when the path cannot be checked.
void refuse_existing(const std::filesystem::path& destination, bool overwrite);

class StagedOutput {
public:
    // `destination` is the main file; `sidecar_suffixes` the other files the format
    // may write beside it (".shx", ".fields.csv", ...: replacing the extension).
    // `extension` is the format's own (".csv"), which a stream's staged file takes:
    // GDAL picks how to write by it. Waits for the destination's lock. Throws
    // OutputError when any of them exists and !overwrite (naming -O), or when the
    // folder cannot be written.
    StagedOutput(std::filesystem::path destination, bool overwrite,
                 std::vector<std::string> sidecar_suffixes = {}, const std::string& extension = {});
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    // The file the output replaces (a link followed), or the stream as given.
    const std::filesystem::path& destination() const { return m_target.file; }
    bool is_stream() const { return m_target.stream; }
    // Where to write the main file now; sidecars go beside it with their own names.
    const std::filesystem::path& staged() const { return m_staged; }
    // Starts the stage from a copy of the existing destination (to add to it).
    void copy_existing();

    // Syncs every staged file and moves it into place, the main file last (without
    // overwrite, never over a file that appeared meanwhile), removes files of an
    // overwritten output that the new one does not have, and syncs the folder. For a
    // stream, copies the main file into it (and refuses sidecars). Throws OutputError.
    void commit();

private:
    void commit_files(const std::vector<std::filesystem::path>& staged_sidecars);

    std::filesystem::path m_given;  // as the caller named it, for messages
    OutputDestination m_target;
    bool m_overwrite;
    std::optional<DestinationLock> m_lock;
    std::filesystem::path m_folder;  // the temporary folder
    std::filesystem::path m_staged;
    std::vector<std::filesystem::path> m_sidecars;  // final paths of possible sidecars
};

} // namespace depmap::layers
