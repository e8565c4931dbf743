#include "layers/write/joined_parts.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"
#include "layers/style/kml_styles.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <numeric>
#include <optional>
#include <string_view>
#include <vector>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

// The GeoJSON line after which the features start.
constexpr std::string_view features_line = "\"features\": [\n";

// A part file as GDAL wrote it, mapped read-only (it is still in the page cache).
class MappedFile {
public:
    MappedFile(const fs::path& file, const std::string& path) {
        const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        struct stat status {};
        if (fd >= 0 && ::fstat(fd, &status) == 0) {
            m_size = static_cast<std::size_t>(status.st_size);
            if (m_size > 0) m_data = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
        }
        if (fd >= 0) ::close(fd);
        if (fd < 0 || m_data == MAP_FAILED)
            throw OutputError(fmt::format("{}: cannot read back a part GDAL wrote", path));
    }
    ~MappedFile() {
        if (m_data != nullptr) ::munmap(m_data, m_size);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view text() const { return {static_cast<const char*>(m_data), m_size}; }

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

// A part's text: head + features + tail.
struct Layout {
    std::string_view head;
    std::string_view features;
    std::string_view tail;
};

// GDAL's GeoJSON writer: `{ "type": "FeatureCollection", ... "features": [` on lines of
// their own, one feature a line joined by ",\n", then "\n]\n}\n".
// GDAL's KML writer: the Document, Schema and `<Folder><name>...</name>` lines, one
// Placemark after another, then "</Folder>\n</Document></kml>\n".
// Nothing when `text` is not in that layout.
std::optional<Layout> layout_of(std::string_view text, JoinedFormat format) {
    std::size_t head = std::string_view::npos;
    std::string_view tail;
    if (format == JoinedFormat::GeoJson) {
        const auto at = text.find(fmt::format("\n{}", features_line));
        if (at != text.npos) head = at + 1 + features_line.size();
        tail = "\n]\n}\n";
    } else {
        const auto folder = text.find("\n<Folder><name>");
        const auto line_end = folder == text.npos ? folder : text.find('\n', folder + 1);
        if (line_end != text.npos) head = line_end + 1;
        tail = "</Folder>\n</Document></kml>\n";
    }
    if (head == text.npos || !text.ends_with(tail) || head + tail.size() > text.size()) return std::nullopt;
    return Layout{text.substr(0, head), text.substr(head, text.size() - head - tail.size()),
                  text.substr(text.size() - tail.size())};
}

// How many features a part's feature text holds: GeoJSON's one a line, KML's placemarks.
std::size_t features_in(std::string_view features, JoinedFormat format) {
    if (features.empty()) return 0;
    if (format == JoinedFormat::GeoJson) return static_cast<std::size_t>(std::count(features.begin(), features.end(), '\n')) + 1;
    std::size_t count = 0;
    for (auto at = features.find("<Placemark"); at != features.npos; at = features.find("<Placemark", at + 1)) ++count;
    return count;
}

// Writes to a file from a given offset on, through a buffer: one per thread, each at
// its own place in the file.
class OffsetWriter {
public:
    OffsetWriter(int fd, std::size_t offset, const std::string& path) : m_fd(fd), m_offset(offset), m_path(path) {}

    void write(std::string_view bytes) {
        if (m_buffer.size() + bytes.size() > capacity) flush();
        if (bytes.size() >= capacity) return put(bytes);
        m_buffer.append(bytes);
    }
    // Writes what is buffered; returns the offset after everything written.
    std::size_t flush() {
        put(m_buffer);
        m_buffer.clear();
        return m_offset;
    }

private:
    static constexpr std::size_t capacity = 4U << 20;

    void put(std::string_view bytes) {
        while (!bytes.empty()) {
            const auto wrote = ::pwrite(m_fd, bytes.data(), bytes.size(), static_cast<off_t>(m_offset));
            if (wrote < 0 && errno == EINTR) continue;
            if (wrote <= 0)
                throw OutputError(fmt::format("{}: {}", m_path, std::strerror(wrote < 0 ? errno : ENOSPC)));
            bytes.remove_prefix(static_cast<std::size_t>(wrote));
            m_offset += static_cast<std::size_t>(wrote);
        }
    }

    int m_fd;
    std::size_t m_offset;
    const std::string& m_path;
    std::string m_buffer;
};

// The part files, removed however the write ends.
struct PartFiles {
    std::vector<fs::path> files;
    ~PartFiles() {
        std::error_code ignored;
        for (const auto& file : files) fs::remove(file, ignored);
    }
};

struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
    // Closes it; a failure is a write failure (some file systems report a full disk only then).
    void close(const std::string& path) {
        const int closing = fd;
        fd = -1;
        if (::close(closing) != 0 && errno != EINTR) throw OutputError(fmt::format("{}: {}", path, std::strerror(errno)));
    }
};

} // namespace

bool write_joined_parts(std::size_t rows, const fs::path& file, const JoinOptions& options,
                        const std::function<void(const fs::path&, std::span<const std::size_t>)>& write_part,
                        const std::string& path) {
    const std::size_t count = depmap::threads_for(rows, 50000);
    PartFiles parts;
    for (std::size_t k = 0; k < count; ++k) parts.files.push_back(fs::path(file).concat(fmt::format(".part{}", k)));
    std::vector<std::size_t> all(rows);
    std::iota(all.begin(), all.end(), std::size_t{0});
    const auto rows_of = [&](std::size_t k) {
        return std::span<const std::size_t>(all.data() + rows * k / count, rows * (k + 1) / count - rows * k / count);
    };
    depmap::for_each_task(count, count, [&](std::size_t k) { write_part(parts.files[k], rows_of(k)); });

    if (rows == 0 && options.format == JoinedFormat::Kml) {  // nothing to join (and no Folder)
        fs::rename(parts.files[0], file);
        return true;
    }
    std::vector<std::unique_ptr<MappedFile>> mapped;
    std::vector<Layout> layouts;
    for (const auto& part : parts.files) {
        mapped.push_back(std::make_unique<MappedFile>(part, path));
        auto layout = layout_of(mapped.back()->text(), options.format);
        if (!layout) return false;
        layouts.push_back(*layout);
    }
    // The first part, feature by feature: a layout that only looks like GDAL 3.6's is not joined.
    if (features_in(layouts.front().features, options.format) != rows_of(0).size()) return false;
    const bool geojson = options.format == JoinedFormat::GeoJson;
    const KmlStyles* styles = geojson ? nullptr : options.kml_styles;
    std::string head(layouts.front().head);
    if (geojson && !options.geojson_bbox.empty())
        head.insert(head.size() - features_line.size(), fmt::format("\"bbox\": {},\n", options.geojson_bbox));
    if (styles) head = styles->with_shared_styles(head, path);

    // Each part's place in the file, from the sizes of what goes before it.
    std::vector<std::size_t> offset{head.size()};
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t separator = geojson && k > 0 ? 2 : 0;  // ",\n" between GeoJSON features
        offset.push_back(offset.back() + separator + layouts[k].features.size() +
                         (styles ? styles->added_bytes(rows_of(k)) : 0));
    }

    FileDescriptor out{::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)};
    if (out.fd < 0)
        throw OutputError(fmt::format("{}: cannot write ({})", path, std::strerror(errno)));
    const auto write_at = [&](std::size_t at, std::string_view text) {
        OffsetWriter writer(out.fd, at, path);
        writer.write(text);
        writer.flush();
    };
    write_at(0, head);
    depmap::for_each_task(count, count, [&](std::size_t k) {
        OffsetWriter writer(out.fd, offset[k], path);
        if (geojson && k > 0) writer.write(",\n");
        if (styles) styles->style(layouts[k].features, rows_of(k), [&](std::string_view piece) { writer.write(piece); }, path);
        else writer.write(layouts[k].features);
        if (writer.flush() != offset[k + 1])
            throw OutputError(fmt::format("{}: a part did not fill its place in the file; nothing was written", path));
    });
    write_at(offset.back(), layouts.back().tail);
    out.close(path);
    return true;
}

} // namespace depmap::layers
