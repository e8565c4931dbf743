#pragma once
// Output files that appear whole or not at all: written under a temporary name in the
// destination folder, then renamed over the destination by commit(). An uncommitted
// output is removed when the object goes away, so a failure leaves the destination as
// it was.
#include <filesystem>
#include <fstream>

namespace depmap::layers {

class AtomicOutput {
public:
    // Throws OutputError when `destination` exists and !overwrite (naming -O), or when
    // its folder cannot be written.
    AtomicOutput(std::filesystem::path destination, bool overwrite);
    ~AtomicOutput();
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    std::ostream& stream() { return m_stream; }
    // Flushes, checks and renames into place. Throws OutputError on any failure.
    void commit();

private:
    std::filesystem::path m_destination;
    std::filesystem::path m_temporary;
    std::ofstream m_stream;
    bool m_committed = false;
};

} // namespace depmap::layers
