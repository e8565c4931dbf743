#include "layers/output/atomic_output.hpp"

namespace depmap::layers {

AtomicOutput::AtomicOutput(std::filesystem::path destination, bool overwrite)
    : m_path(destination), m_stage(std::move(destination), overwrite) {
    m_file.emplace(m_stage.staged(), m_path.string());
}

void AtomicOutput::commit() {
    m_file->close();
    m_stage.commit();
}

} // namespace depmap::layers
