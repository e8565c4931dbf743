#pragma once
// Standard output that reports a failed write. std::cout goes through a buffer of
// depmap's own (layers/output/fd_output.hpp) that keeps why a write failed: a full disk or a
// closed standard output is an error, a reader that went away (`| head`) is not.
#include "layers/output/fd_output.hpp"

#include <exception>
#include <streambuf>

namespace depmap::cli {

// The reader of standard output closed its end of the pipe (EPIPE, when SIGPIPE is
// ignored): the rest of the output is not wanted, and that is no error.
class ClosedPipe : public std::exception {
public:
    const char* what() const noexcept override { return "standard output: the reader closed the pipe"; }
};

class StandardOutput {
public:
    // Sends std::cout through the buffer. A standard stream closed at start is opened on
    // /dev/null the wrong way round, so it stays unwritable (or unreadable) and no file
    // depmap opens takes its number.
    StandardOutput();
    // Flushes (a failure then goes unreported) and gives std::cout its own buffer back.
    ~StandardOutput();
    StandardOutput(const StandardOutput&) = delete;
    StandardOutput& operator=(const StandardOutput&) = delete;

    // Flushes std::cout. Throws ClosedPipe for a closed pipe, OutputError "cannot write to
    // standard output: REASON" for any other failed write.
    void finish();

private:
    layers::FdOutputBuffer m_buffer;
    std::streambuf* m_previous;
};

} // namespace depmap::cli
