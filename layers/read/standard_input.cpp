#include "layers/read/standard_input.hpp"

#include "base/error.hpp"
#include "layers/read/csv_reader.hpp"
#include "layers/read/ogr_reader.hpp"

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>

#include <sys/mman.h>
#include <unistd.h>

namespace depmap::layers {

namespace {

std::atomic<bool> standard_input_taken{false};

// A file in memory (memfd) that every reader opens by its /proc/self/fd path and can seek.
class MemoryFile {
public:
    MemoryFile() : m_fd(memfd_create("depmap-stdin", MFD_CLOEXEC)) {
        if (m_fd < 0)
            throw InputError(fmt::format("{}: cannot hold it in memory ({})", standard_input_name, std::strerror(errno)));
    }
    ~MemoryFile() { ::close(m_fd); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    int fd() const { return m_fd; }
    std::string path() const { return fmt::format("/proc/self/fd/{}", m_fd); }

private:
    int m_fd;
};

// Copies standard input into `file`; returns its first bytes, for sniffing.
std::string copy_standard_input(const MemoryFile& file) {
    constexpr std::size_t sniff_bytes = 64 * 1024;
    std::string head;
    std::array<char, 1 << 16> buffer;
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0)
            throw InputError(fmt::format("{}: cannot read it ({})", standard_input_name, std::strerror(errno)));
        if (got == 0) return head;
        if (head.size() < sniff_bytes) head.append(buffer.data(), std::min<std::size_t>(got, sniff_bytes - head.size()));
        for (ssize_t done = 0; done < got;) {
            const ssize_t put = ::write(file.fd(), buffer.data() + done, static_cast<std::size_t>(got - done));
            if (put < 0 && errno == EINTR) continue;
            if (put < 0)
                throw InputError(fmt::format("{}: cannot hold it in memory ({})", standard_input_name, std::strerror(errno)));
            done += put;
        }
    }
}

void replace_all(std::string& text, const std::string& from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

} // namespace

SniffedFormat sniff_format(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    if (text.starts_with('\x1E')) return SniffedFormat::GeoJsonSeq;  // RFC 8142
    if (!text.starts_with('{')) return SniffedFormat::Csv;
    // A sequence: a first line that is a whole object, and another object on a later line.
    const auto end = text.find('\n');
    if (end == std::string_view::npos) return SniffedFormat::GeoJson;
    auto line = text.substr(0, end);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    auto rest = text.substr(end);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    return line.ends_with('}') && rest.starts_with('{') ? SniffedFormat::GeoJsonSeq : SniffedFormat::GeoJson;
}

Layer read_standard_input(const ReadOptions& options) {
    if (standard_input_taken.exchange(true))
        throw InputError(fmt::format("{}: already read for another input; give - for one input only",
                                     standard_input_name));
    if (::isatty(STDIN_FILENO))
        throw InputError(fmt::format("{}: is a terminal; pipe a layer in (... | depmap info -) or give a file",
                                     standard_input_name));
    const MemoryFile file;
    const auto format = sniff_format(copy_standard_input(file));
    const std::string path = file.path();
    // Messages name standard input, not the memory file.
    const auto named = [&](std::string text) {
        replace_all(text, "GeoJSONSeq:" + path, standard_input_name);
        replace_all(text, path, standard_input_name);
        return text;
    };
    Layer layer;
    try {
        switch (format) {
        case SniffedFormat::Csv: layer = read_csv(path, options); break;
        case SniffedFormat::GeoJson: layer = read_ogr(path, options); break;
        case SniffedFormat::GeoJsonSeq: layer = read_ogr("GeoJSONSeq:" + path, options); break;
        }
    } catch (const InputError& e) {
        throw InputError(named(e.what()));
    } catch (const CrsError& e) {
        throw CrsError(named(e.what()));
    }
    if (layer.name == std::to_string(file.fd()) || layer.name.empty()) layer.name = "stdin";
    layer.source = standard_input_name;
    for (auto& note : layer.notes) note = named(note);
    layer.skipped.first_message = named(layer.skipped.first_message);
    return layer;
}

} // namespace depmap::layers
