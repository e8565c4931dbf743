#include "cli/standard_output.hpp"

#include "base/error.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace depmap::cli {

namespace {

// Standard input opened write-only, output and error read-only: each still fails as a
// closed one would (EBADF), and holds its number.
void hold_closed_standard_streams() {
    for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        const int opened = ::open("/dev/null", (fd == STDIN_FILENO ? O_WRONLY : O_RDONLY));
        if (opened >= 0 && opened != fd) {
            ::dup2(opened, fd);
            ::close(opened);
        }
    }
}

} // namespace

StandardOutput::StandardOutput() : m_buffer((hold_closed_standard_streams(), STDOUT_FILENO)) {
    m_previous = std::cout.rdbuf(&m_buffer);
}

StandardOutput::~StandardOutput() {
    std::cout.flush();
    std::cout.rdbuf(m_previous);
}

void StandardOutput::finish() {
    std::cout.flush();
    const int error = m_buffer.error();
    if (error == EPIPE) throw ClosedPipe();
    if (error != 0) throw OutputError(fmt::format("cannot write to standard output: {}", std::strerror(error)));
}

} // namespace depmap::cli
