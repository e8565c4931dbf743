#pragma once
// Output that keeps why a write failed. std::ofstream says only that one did; a full
// disk must be reported as a full disk, so these buffers keep the errno of the first
// write, flush or close that failed, and take nothing more after it (the stream goes bad).
#include <filesystem>
#include <ostream>
#include <streambuf>
#include <string>

namespace depmap::layers {

// A stream buffer over a file descriptor it does not own.
class FdOutputBuffer : public std::streambuf {
public:
    explicit FdOutputBuffer(int fd);
    FdOutputBuffer(const FdOutputBuffer&) = delete;
    FdOutputBuffer& operator=(const FdOutputBuffer&) = delete;

    // The errno of the first failed write; 0 when none failed.
    int error() const { return m_error; }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

private:
    bool put(const char* data, std::size_t size);
    bool drain();

    int m_fd;
    int m_error = 0;
    std::string m_buffer;
};

// A new file (created, or emptied), written through an FdOutputBuffer.
class CheckedFile {
public:
    // `shown` names the file in errors (the destination, not the staged file). Throws
    // OutputError when it cannot be created.
    CheckedFile(const std::filesystem::path& file, std::string shown);
    ~CheckedFile();
    CheckedFile(const CheckedFile&) = delete;
    CheckedFile& operator=(const CheckedFile&) = delete;

    std::ostream& stream() { return m_stream; }
    // Flushes and closes. Throws OutputError "SHOWN: REASON" when any write, the flush
    // or the close failed.
    void close();

private:
    int m_fd;
    std::string m_shown;
    FdOutputBuffer m_buffer;
    std::ostream m_stream;
};

// Writes `contents` as `file` (CheckedFile). Throws OutputError naming `shown`.
void write_whole_file(const std::filesystem::path& file, std::string_view contents, const std::string& shown);

} // namespace depmap::layers
