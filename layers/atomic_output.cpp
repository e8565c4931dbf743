#include "layers/atomic_output.hpp"

#include "geo/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace depmap::layers {

AtomicOutput::AtomicOutput(std::filesystem::path destination, bool overwrite)
    : m_stage(std::move(destination), overwrite) {
    m_stream.open(m_stage.staged(), std::ios::binary | std::ios::trunc);
    if (!m_stream)
        throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to",
                                      m_stage.destination().string(), std::strerror(errno)));
}

void AtomicOutput::commit() {
    m_stream.flush();
    m_stream.close();
    if (!m_stream)
        throw OutputError(fmt::format("{}: writing failed (disk full?); the destination was left "
                                      "as it was", m_stage.destination().string()));
    m_stage.commit();
}

} // namespace depmap::layers
