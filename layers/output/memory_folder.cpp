#include "layers/output/memory_folder.hpp"

#include "layers/output/fd_output.hpp"

#include <cpl_string.h>
#include <cpl_vsi.h>
#include <fmt/format.h>

#include <atomic>

namespace depmap::layers {

MemoryFolder::MemoryFolder() {
    static std::atomic<unsigned> next{0};
    m_path = fmt::format("/vsimem/depmap-{}-{}", static_cast<const void*>(this), next++);
    VSIMkdir(m_path.c_str(), 0755);
}

MemoryFolder::~MemoryFolder() { VSIRmdirRecursive(m_path.c_str()); }

std::string MemoryFolder::file(const std::string& name) const { return m_path + "/" + name; }

void MemoryFolder::copy_to(const std::filesystem::path& folder, const std::string& path) const {
    const CPLStringList names(VSIReadDir(m_path.c_str()));
    for (int i = 0; i < names.size(); ++i) {
        const std::string name = names[i];
        vsi_l_offset size = 0;
        // The memory file's own buffer: no copy (FALSE: the file keeps it).
        const GByte* data = VSIGetMemFileBuffer(file(name).c_str(), &size, FALSE);
        write_whole_file(folder / name,
                         data ? std::string_view(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
                              : std::string_view(),
                         path);
    }
}

} // namespace depmap::layers
