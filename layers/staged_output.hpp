#pragma once
// Outputs that appear whole or not at all, sidecars included: every file is written
// into a temporary folder beside the destination, then moved into place by commit().
// An uncommitted stage is removed when the object goes away, so a failure leaves the
// destination folder exactly as it was.
#include <filesystem>
#include <vector>

namespace depmap::layers {

// Throws OutputError, naming -O, when `destination` exists and !overwrite: the check
// StagedOutput makes, for callers that refuse before doing any work.
void refuse_existing(const std::filesystem::path& destination, bool overwrite);

class StagedOutput {
public:
    // `destination` is the main file; `sidecar_suffixes` the other files the format
    // may write beside it (".shx", ".fields.csv", ...: replacing the extension).
    // Throws OutputError
    // when any of them exists and !overwrite (naming -O), or when the folder cannot
    // be written.
    StagedOutput(std::filesystem::path destination, bool overwrite,
                 std::vector<std::string> sidecar_suffixes = {});
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    const std::filesystem::path& destination() const { return m_destination; }
    // Where to write the main file now; sidecars go beside it with their own names.
    const std::filesystem::path& staged() const { return m_staged; }
    // Starts the stage from a copy of the existing destination (to add to it).
    void copy_existing();

    // Moves every staged file into place, the main file last, and removes files of
    // an overwritten output that the new one does not have. Throws OutputError.
    void commit();

private:
    std::filesystem::path m_destination;
    std::filesystem::path m_folder;  // the temporary folder
    std::filesystem::path m_staged;
    std::vector<std::filesystem::path> m_sidecars;  // final paths of possible sidecars
};

} // namespace depmap::layers
