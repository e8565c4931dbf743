#include "layers/output/fd_output.hpp"

#include "base/error.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace depmap::layers {

namespace {

constexpr std::size_t buffer_bytes = 1U << 16;

} // namespace

FdOutputBuffer::FdOutputBuffer(int fd) : m_fd(fd) { m_buffer.reserve(buffer_bytes); }

bool FdOutputBuffer::put(const char* data, std::size_t size) {
    while (size > 0 && m_error == 0) {
        const auto wrote = ::write(m_fd, data, size);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) {
            m_error = wrote < 0 ? errno : ENOSPC;  // a write of nothing: no room left
            break;
        }
        data += wrote;
        size -= static_cast<std::size_t>(wrote);
    }
    return m_error == 0;
}

bool FdOutputBuffer::drain() {
    const bool ok = put(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
    return ok;
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type c) {
    if (m_error != 0) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return drain() ? traits_type::not_eof(c) : traits_type::eof();
    m_buffer.push_back(traits_type::to_char_type(c));
    if (m_buffer.size() >= buffer_bytes && !drain()) return traits_type::eof();
    return c;
}

std::streamsize FdOutputBuffer::xsputn(const char* data, std::streamsize size) {
    if (m_error != 0) return 0;
    const auto bytes = static_cast<std::size_t>(size);
    if (m_buffer.size() + bytes <= buffer_bytes) {
        m_buffer.append(data, bytes);
        return size;
    }
    if (!drain()) return 0;
    if (bytes >= buffer_bytes) return put(data, bytes) ? size : 0;
    m_buffer.append(data, bytes);
    return size;
}

int FdOutputBuffer::sync() { return m_error == 0 && drain() ? 0 : -1; }

CheckedFile::CheckedFile(const std::filesystem::path& file, std::string shown)
    : m_fd(::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)),
      m_shown(std::move(shown)),
      m_buffer(m_fd),
      m_stream(&m_buffer) {
    if (m_fd < 0)
        throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to", m_shown,
                                      std::strerror(errno)));
}

CheckedFile::~CheckedFile() {
    if (m_fd >= 0) ::close(m_fd);
}

void CheckedFile::close() {
    m_stream.flush();
    int error = m_buffer.error();
    const int fd = m_fd;
    m_fd = -1;
    // close() reports what a file system found only at the end (NFS, quotas).
    if (::close(fd) != 0 && error == 0 && errno != EINTR) error = errno;
    if (error != 0) throw OutputError(fmt::format("{}: {}", m_shown, std::strerror(error)));
}

void write_whole_file(const std::filesystem::path& file, std::string_view contents, const std::string& shown) {
    CheckedFile out(file, shown);
    out.stream().write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
}

} // namespace depmap::layers
