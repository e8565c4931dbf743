#pragma once
// Write failures that GDAL's drivers do not report. Most ignore what VSIFWriteL answers,
// so a full disk leaves a short file and no error. Files GDAL writes by the path
// WriteWatch::path_for gives go through a file system handler of depmap's own, which
// passes every call on to the real file and keeps the errno of each file's first failed
// write, seek (it flushes), flush or close; the writer checks the watch after GDAL closes.
// GeoPackages are not watched: SQLite reports a full disk itself (SQLITE_FULL).
#include <filesystem>
#include <string>

namespace depmap::layers {

class WriteWatch {
public:
    // Watches the files written under `folder` (a staging folder, of one writer).
    explicit WriteWatch(const std::filesystem::path& folder);
    ~WriteWatch();  // forgets the failures under the folder
    WriteWatch(const WriteWatch&) = delete;
    WriteWatch& operator=(const WriteWatch&) = delete;

    // The path GDAL is to write `file` (under the folder) by.
    std::string path_for(const std::filesystem::path& file) const;
    // The errno of the first failed write under the folder; 0 when none failed.
    int error() const;
    // Throws OutputError "SHOWN: REASON" when a write under the folder failed.
    void check(const std::string& shown) const;

private:
    std::string m_folder;
};

} // namespace depmap::layers
