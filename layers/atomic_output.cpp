#include "layers/atomic_output.hpp"

#include "geo/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace depmap::layers {

AtomicOutput::AtomicOutput(std::filesystem::path destination, bool overwrite)
    : m_path(destination), m_stage(std::move(destination), overwrite) {
    m_stream.open(m_stage.staged(), std::ios::binary | std::ios::trunc);
    if (!m_stream)
        throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to",
                                      m_path.string(), std::strerror(errno)));
}

void AtomicOutput::commit() {
    // Each step checked: a full disk shows in the flush, or only in the close.
    errno = 0;
    m_stream.flush();
    const bool flushed = static_cast<bool>(m_stream);
    if (flushed) m_stream.close();
    if (!flushed || !m_stream)
        throw OutputError(fmt::format("{}: writing failed ({}); the destination was left as it was",
                                      m_path.string(), errno != 0 ? std::strerror(errno) : "disk full?"));
    m_stage.commit();
}

} // namespace depmap::layers
