#include "layers/output/staged_output.hpp"

#include "base/error.hpp"
#include "layers/output/temporaries.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

fs::path sidecar_path(fs::path destination, const std::string& suffix) {
    return destination.replace_extension(suffix);
}

// Whether anything (a dangling link included) is at `path`; throws when it cannot tell.
bool taken(const fs::path& path, const fs::path& given) {
    std::error_code error;
    const auto status = fs::symlink_status(path, error);
    if (error && status.type() != fs::file_type::not_found)
        throw OutputError(fmt::format("{}: cannot check it ({}); choose another output path", given.string(),
                                      error.message()));
    return fs::exists(status);
}

// Flushes a file (or folder) to the disk; 0 or the error.
int sync_path(const fs::path& path, int flags) {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | flags);
    if (fd < 0) return errno;
    const int error = fsync(fd) == 0 ? 0 : errno;
    close(fd);
    return error;
}

// Moves `from` to `to`: 0 or the error. Without `replace`, never over an existing name
// (EEXIST), even one that appeared a moment ago.
int move_into_place(const fs::path& from, const fs::path& to, bool replace) {
    if (replace) return std::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
    if (renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) return errno;
    // A file system without RENAME_NOREPLACE: link() refuses an existing name too.
    if (link(from.c_str(), to.c_str()) != 0) return errno;
    unlink(from.c_str());
    return 0;
}

[[noreturn]] void cannot_place(const fs::path& given, int error) {
    throw OutputError(fmt::format("{}: cannot put the output in place ({})", given.string(), std::strerror(error)));
}

} // namespace

void refuse_existing(const fs::path& destination, bool overwrite) {
    const auto target = resolve_destination(destination);
    if (!overwrite && target.exists && !target.stream)
        throw OutputError(fmt::format("{}: exists already; pass {} to replace it", destination.string(), parameter("overwrite")));
}

StagedOutput::StagedOutput(fs::path destination, bool overwrite, std::vector<std::string> sidecar_suffixes,
                           const std::string& extension)
    : m_given(std::move(destination)), m_target(resolve_destination(m_given)), m_overwrite(overwrite) {
    auto folder = m_target.file.parent_path();
    if (m_target.stream) {
        std::error_code error;
        folder = fs::temp_directory_path(error);
        if (error) folder = "/tmp";
    } else {
        m_lock.emplace(m_target.file);  // before any check: what is checked stays so
        for (const auto& suffix : sidecar_suffixes) m_sidecars.push_back(sidecar_path(m_target.file, suffix));
        if (!overwrite) {
            if (taken(m_target.file, m_given))
                throw OutputError(fmt::format("{}: exists already; pass {} to replace it",
                                              m_given.string(), parameter("overwrite")));
            for (const auto& sidecar : m_sidecars)
                if (taken(sidecar, m_given))
                    throw OutputError(fmt::format("{}: exists already (it would be part of {}); pass {} "
                                                  "to replace it",
                                                  sidecar.string(), m_given.string(), parameter("overwrite")));
        }
    }
    if (folder.empty()) folder = ".";
    sweep_stale_temporaries(folder);
    m_folder = temporary_path(m_target.file, folder);
    register_temporary(m_folder);
    std::error_code error;
    fs::create_directory(m_folder, error);
    if (error) {
        unregister_temporary(m_folder);
        throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to",
                                      m_given.string(), error.message()));
    }
    m_staged = m_folder / (m_target.stream ? "stream" + extension : m_target.file.filename().string());
}

StagedOutput::~StagedOutput() {
    std::error_code ignored;
    fs::remove_all(m_folder, ignored);
    unregister_temporary(m_folder);
}

void StagedOutput::copy_existing() {
    if (m_target.stream)
        throw OutputError(fmt::format("{}: is a device or pipe; only a file can be added to", m_given.string()));
    std::error_code error;
    fs::copy_file(m_target.file, m_staged, fs::copy_options::overwrite_existing, error);
    if (error)
        throw OutputError(fmt::format("{}: cannot copy it to add to it ({})", m_given.string(),
                                      error.message()));
}

void StagedOutput::commit() {
    std::vector<fs::path> sidecars;
    std::error_code error;
    for (fs::directory_iterator it(m_folder, error), end; !error && it != end; it.increment(error))
        if (it->path() != m_staged) sidecars.push_back(it->path());
    if (error) cannot_place(m_given, error.value());
    std::sort(sidecars.begin(), sidecars.end());
    if (!m_target.stream) return commit_files(sidecars);
    if (!sidecars.empty()) {
        const auto sidecar = sidecars.front().filename().string().substr(m_staged.stem().string().size());
        throw OutputError(fmt::format("{}: this output is several files (a {} too), which a device or pipe "
                                      "cannot take; write it to a file", m_given.string(), sidecar));
    }
    copy_into_stream(m_staged, m_target, m_given.string());
}

void StagedOutput::commit_files(const std::vector<fs::path>& staged_sidecars) {
    // On the disk before the names change: a crash must not leave a named empty file.
    for (const auto& file : staged_sidecars)
        if (const int e = sync_path(file, 0)) cannot_place(m_given, e);
    if (const int e = sync_path(m_staged, 0)) cannot_place(m_given, e);
    const auto folder = m_target.file.parent_path().empty() ? fs::path(".") : m_target.file.parent_path();
    const auto final_path = [&](const fs::path& staged) { return folder / staged.filename(); };

    struct stat old {};
    const bool replacing = stat(m_target.file.c_str(), &old) == 0;
    if (replacing) chmod(m_staged.c_str(), old.st_mode & 07777);  // a replaced file keeps its permissions
    if (m_overwrite) {
        // The old set stops reading as one before any file of the new one arrives.
        if (replacing && !staged_sidecars.empty() && unlink(m_target.file.c_str()) != 0)
            cannot_place(m_given, errno);
        // A sidecar the new output does not have would be read with it.
        std::error_code error;
        for (const auto& sidecar : m_sidecars)
            if (!fs::exists(m_folder / sidecar.filename(), error)) fs::remove(sidecar, error);
    }
    std::vector<fs::path> moved;
    const auto move = [&](const fs::path& staged) {
        const auto to = final_path(staged);
        if (const int e = move_into_place(staged, to, m_overwrite)) {
            for (const auto& placed : moved) unlink(placed.c_str());  // ours: nothing was there
            if (e == EEXIST)
                throw OutputError(fmt::format("{}: {} appeared while it was written; pass {} to "
                                              "replace it", m_given.string(), to.string(), parameter("overwrite")));
            cannot_place(m_given, e);
        }
        moved.push_back(to);
    };
    for (const auto& sidecar : staged_sidecars) move(sidecar);
    move(m_staged);
    // Some file systems cannot sync a folder (EINVAL): theirs is not a failure.
    if (const int e = sync_path(folder, O_DIRECTORY); e != 0 && e != EINVAL && e != EOPNOTSUPP)
        throw OutputError(fmt::format("{}: written, but its folder could not be synced ({})", m_given.string(),
                                      std::strerror(e)));
}

} // namespace depmap::layers
