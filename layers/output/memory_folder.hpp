#pragma once
// A folder in GDAL's memory file system (/vsimem/), removed with everything in it.
// GDAL's Shapefile writer seeks and writes for every record of its three files; into
// memory those are copies, and the finished files go to disk in one write each.
#include <filesystem>
#include <string>

namespace depmap::layers {

class MemoryFolder {
public:
    MemoryFolder();
    ~MemoryFolder();
    MemoryFolder(const MemoryFolder&) = delete;
    MemoryFolder& operator=(const MemoryFolder&) = delete;

    // A path in the folder, for GDAL.
    std::string file(const std::string& name) const;
    // Writes every file of the folder into `folder` on disk. Throws OutputError naming
    // `path` when a file cannot be written.
    void copy_to(const std::filesystem::path& folder, const std::string& path) const;

private:
    std::string m_path;
};

} // namespace depmap::layers
