#include "layers/output/output_destination.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

// The descriptor a path names when it is one of the process's own (/dev/stdout ...).
std::optional<int> own_descriptor(const fs::path& path) {
    const auto text = path.lexically_normal().string();
    if (text == "/dev/stdout") return 1;
    if (text == "/dev/stderr") return 2;
    for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        if (!text.starts_with(prefix)) continue;
        int fd = -1;
        const char* first = text.data() + prefix.size();
        const char* last = text.data() + text.size();
        const auto [end, error] = std::from_chars(first, last, fd);
        if (error == std::errc() && end == last && first != last) return fd;
    }
    return std::nullopt;
}

[[noreturn]] void cannot_check(const fs::path& path, int error) {
    throw OutputError(fmt::format("{}: cannot check it ({}); choose another output path", path.string(),
                                  std::strerror(error)));
}

} // namespace

OutputDestination resolve_destination(const fs::path& path) {
    // A link is followed by hand: each step may be /dev/stdout or /proc/self/fd/N.
    fs::path file = path;
    for (int hops = 0;; ++hops) {
        if (const auto fd = own_descriptor(file)) return {path, true, *fd, true};
        struct stat st {};
        if (lstat(file.c_str(), &st) != 0) {
            if (errno == ENOENT) return {file, false, -1, false};
            cannot_check(path, errno);
        }
        if (!S_ISLNK(st.st_mode)) break;
        if (hops == 40) cannot_check(path, ELOOP);
        std::error_code error;
        const auto target = fs::read_symlink(file, error);
        if (error) cannot_check(path, error.value());
        file = target.is_absolute() ? target : file.parent_path() / target;
    }
    struct stat st {};
    if (stat(file.c_str(), &st) != 0) cannot_check(path, errno);
    if (S_ISREG(st.st_mode)) return {file, false, -1, true};
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) return {file, true, -1, true};
    if (S_ISDIR(st.st_mode))
        throw OutputError(fmt::format("{}: is a folder; give a file name", path.string()));
    throw OutputError(fmt::format("{}: is neither a file, a FIFO nor a character device; give a file name",
                                  path.string()));
}

void copy_into_stream(const fs::path& from, const OutputDestination& destination, const std::string& path) {
    const int in = open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) throw OutputError(fmt::format("{}: cannot read back what was written ({})", path, std::strerror(errno)));
    // A FIFO's open waits for its reader, as a shell's `>` does.
    int out = destination.descriptor;
    if (out < 0) {
        do out = open(destination.file.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        while (out < 0 && errno == EINTR);
    }
    int error = out < 0 ? errno : 0;
    std::array<char, 1 << 16> buffer;
    while (error == 0) {
        const ssize_t got = read(in, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) {
            if (got < 0) error = errno;
            break;
        }
        for (ssize_t done = 0; error == 0 && done < got;) {
            const ssize_t put = write(out, buffer.data() + done, static_cast<std::size_t>(got - done));
            if (put >= 0) done += put;
            else if (errno != EINTR) error = errno;
        }
    }
    close(in);
    if (out >= 0 && destination.descriptor < 0 && close(out) != 0 && error == 0) error = errno;
    if (error != 0) throw OutputError(fmt::format("{}: writing failed ({})", path, std::strerror(error)));
}

} // namespace depmap::layers
