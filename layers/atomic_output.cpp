#include "layers/atomic_output.hpp"

#include "geo/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <random>

namespace depmap::layers {

namespace fs = std::filesystem;

AtomicOutput::AtomicOutput(fs::path destination, bool overwrite)
    : m_destination(std::move(destination)) {
    if (fs::exists(m_destination) && !overwrite)
        throw OutputError(fmt::format("{}: exists already; pass -O/--overwrite to replace it",
                                      m_destination.string()));
    std::random_device random;
    m_temporary = m_destination;
    m_temporary.replace_filename(fmt::format(".{}.{:08x}.tmp", m_destination.filename().string(), random()));
    m_stream.open(m_temporary, std::ios::binary | std::ios::trunc);
    if (!m_stream)
        throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to",
                                      m_destination.string(), std::strerror(errno)));
}

AtomicOutput::~AtomicOutput() {
    if (m_committed) return;
    m_stream.close();
    std::error_code ignored;
    fs::remove(m_temporary, ignored);
}

void AtomicOutput::commit() {
    m_stream.flush();
    m_stream.close();
    if (!m_stream)
        throw OutputError(fmt::format("{}: writing failed (disk full?); the destination was left "
                                      "as it was", m_destination.string()));
    std::error_code error;
    fs::rename(m_temporary, m_destination, error);
    if (error)
        throw OutputError(fmt::format("{}: cannot put the output in place ({})",
                                      m_destination.string(), error.message()));
    m_committed = true;
}

} // namespace depmap::layers
