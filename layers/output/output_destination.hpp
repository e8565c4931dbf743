#pragma once
// What an output path names: a file to replace whole (a symbolic link is followed to
// the file it names, which is replaced, the link kept), or a stream to write into as it
// is (a FIFO, a character device such as /dev/null, or /dev/stdout, /dev/stderr,
// /dev/fd/N: the descriptor the process already has, so a shell's `>>` still appends).
#include <filesystem>

namespace depmap::layers {

struct OutputDestination {
    std::filesystem::path file;  // the file to write, links followed; for a stream, what was given
    bool stream = false;
    int descriptor = -1;         // a stream the process holds already (/dev/stdout ...), else -1
    bool exists = false;         // the file exists (always true for a stream)
};

// Throws OutputError naming `path` when it cannot be checked (a link loop, a name too
// long, a folder that cannot be read) or names a folder, a block device or a socket.
OutputDestination resolve_destination(const std::filesystem::path& path);

// Writes the whole file `from` into the stream `destination` (opening it unless the
// process holds it). Throws OutputError naming `path`.
void copy_into_stream(const std::filesystem::path& from, const OutputDestination& destination,
                      const std::string& path);

} // namespace depmap::layers
