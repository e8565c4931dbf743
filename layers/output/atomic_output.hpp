#pragma once
// A text output file that appears whole or not at all (see StagedOutput).
#include "layers/output/fd_output.hpp"
#include "layers/output/staged_output.hpp"

#include <filesystem>
#include <optional>
#include <ostream>

namespace depmap::layers {

class AtomicOutput {
public:
    // Throws OutputError when `destination` exists and !overwrite (naming -O), or when
    // its folder cannot be written.
    AtomicOutput(std::filesystem::path destination, bool overwrite);

    std::ostream& stream() { return m_file->stream(); }
    // Flushes, checks and moves into place. Throws OutputError on any failure (a full
    // disk as "DESTINATION: No space left on device").
    void commit();

private:
    std::filesystem::path m_path;  // as given, for messages
    StagedOutput m_stage;
    std::optional<CheckedFile> m_file;
};

} // namespace depmap::layers
