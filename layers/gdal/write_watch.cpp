#include "layers/gdal/write_watch.hpp"

#include "base/error.hpp"
#include "layers/gdal/gdal_session.hpp"

#include <cpl_vsi.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

// The handler's prefix (null-terminated: GDAL keeps the pointer); what follows it is the
// real, absolute path.
constexpr std::string_view prefix = "/vsidepmapwatch";

std::mutex failures_mutex;
std::vector<std::pair<std::string, int>> failures;  // a file, the errno of its first failed write

struct WatchedFile {
    VSILFILE* real;
    std::string path;
    bool writing;
    bool failed = false;

    // Keeps the first failure of the file, and its errno (a short write without one: no room).
    void fail(int error) {
        if (failed) return;
        failed = true;
        const std::lock_guard lock(failures_mutex);
        failures.emplace_back(path, error != 0 ? error : ENOSPC);
    }
};

// The real file. GDAL 3.6 passes the callbacks the path with the prefix, later ones without.
const char* real(const char* path) {
    return std::string_view(path).starts_with(prefix) ? path + prefix.size() : path;
}

WatchedFile& file_of(void* handle) { return *static_cast<WatchedFile*>(handle); }

void* open_file(void*, const char* path, const char* access) {
    VSILFILE* file = VSIFOpenExL(real(path), access, TRUE);
    if (file == nullptr) return nullptr;
    const std::string_view mode(access);
    const bool writing = mode.find_first_of("wa+") != std::string_view::npos;
    return new WatchedFile{file, real(path), writing};
}

size_t write_file(void* handle, const void* data, size_t size, size_t count) {
    auto& file = file_of(handle);
    errno = 0;
    const size_t wrote = VSIFWriteL(data, size, count, file.real);
    if (wrote < count && size > 0) file.fail(errno);
    return wrote;
}

int flush_file(void* handle) {
    auto& file = file_of(handle);
    errno = 0;
    const int result = VSIFFlushL(file.real);
    if (result != 0) file.fail(errno);
    return result;
}

int close_file(void* handle) {
    std::unique_ptr<WatchedFile> file(&file_of(handle));
    errno = 0;
    const int result = VSIFCloseL(file->real);
    if (result != 0 && file->writing) file->fail(errno);
    return result;
}

int seek_file(void* handle, vsi_l_offset offset, int whence) {
    auto& file = file_of(handle);
    errno = 0;
    const int result = VSIFSeekL(file.real, offset, whence);
    if (result != 0 && file.writing) file.fail(errno);  // a seek writes what stdio holds
    return result;
}

vsi_l_offset tell_file(void* handle) { return VSIFTellL(file_of(handle).real); }

size_t read_file(void* handle, void* data, size_t size, size_t count) {
    return VSIFReadL(data, size, count, file_of(handle).real);
}

int eof_file(void* handle) { return VSIFEofL(file_of(handle).real); }

int truncate_file(void* handle, vsi_l_offset size) {
    auto& file = file_of(handle);
    errno = 0;
    const int result = VSIFTruncateL(file.real, size);
    if (result != 0) file.fail(errno);
    return result;
}

int stat_path(void*, const char* path, VSIStatBufL* status, int flags) { return VSIStatExL(real(path), status, flags); }
int unlink_path(void*, const char* path) { return VSIUnlink(real(path)); }
int rename_path(void*, const char* from, const char* to) { return VSIRename(real(from), real(to)); }
int mkdir_path(void*, const char* path, long mode) { return VSIMkdir(real(path), mode); }
int rmdir_path(void*, const char* path) { return VSIRmdir(real(path)); }
char** read_dir(void*, const char* path, int max_files) { return VSIReadDirEx(real(path), max_files); }

void install_handler() {
    static std::once_flag installed;
    // Kept for the life of the process, as GDAL's handler is (a static, so no leak checker
    // takes it for lost).
    static VSIFilesystemPluginCallbacksStruct* callbacks = nullptr;
    std::call_once(installed, [] {
        callbacks = VSIAllocFilesystemPluginCallbacksStruct();
        callbacks->open = open_file;
        callbacks->write = write_file;
        callbacks->flush = flush_file;
        callbacks->close = close_file;
        callbacks->seek = seek_file;
        callbacks->tell = tell_file;
        callbacks->read = read_file;
        callbacks->eof = eof_file;
        callbacks->truncate = truncate_file;
        callbacks->stat = stat_path;
        callbacks->unlink = unlink_path;
        callbacks->rename = rename_path;
        callbacks->mkdir = mkdir_path;
        callbacks->rmdir = rmdir_path;
        callbacks->read_dir = read_dir;
        VSIInstallPluginHandler(prefix.data(), callbacks);
    });
}

bool under(const std::string& path, const std::string& folder) {
    return path.size() > folder.size() && path.starts_with(folder) && path[folder.size()] == '/';
}

} // namespace

WriteWatch::WriteWatch(const fs::path& folder) : m_folder(fs::absolute(folder).lexically_normal().string()) {
    while (m_folder.size() > 1 && m_folder.back() == '/') m_folder.pop_back();
    ensure_gdal();
    install_handler();
}

WriteWatch::~WriteWatch() {
    const std::lock_guard lock(failures_mutex);
    std::erase_if(failures, [&](const auto& failure) { return under(failure.first, m_folder); });
}

std::string WriteWatch::path_for(const fs::path& file) const {
    return std::string(prefix) + fs::absolute(file).lexically_normal().string();
}

int WriteWatch::error() const {
    const std::lock_guard lock(failures_mutex);
    for (const auto& [path, error] : failures)
        if (under(path, m_folder)) return error;
    return 0;
}

void WriteWatch::check(const std::string& shown) const {
    if (const int failed = error()) throw OutputError(fmt::format("{}: {}", shown, std::strerror(failed)));
}

} // namespace depmap::layers
