#include "layers/joined_parts.hpp"

#include "geo/error.hpp"
#include "geo/parallel.hpp"

#include <fmt/format.h>

#include <fstream>
#include <numeric>
#include <string_view>
#include <system_error>
#include <vector>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

// The GeoJSON line after which the features start.
constexpr std::string_view features_line = "\"features\": [\n";

// Where a part's features begin and end.
struct Layout {
    std::size_t head = 0;  // bytes before the first feature
    std::size_t tail = 0;  // bytes after the last feature
};

std::string read_range(std::ifstream& in, std::size_t offset, std::size_t size) {
    std::string text(size, '\0');
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(text.data(), static_cast<std::streamsize>(size));
    return in ? text : std::string();
}

// GDAL's GeoJSON writer: `{ "type": "FeatureCollection", ... "features": [` on lines of
// their own, one feature a line joined by ",\n", then "\n]\n}\n".
// GDAL's KML writer: the Document, Schema and `<Folder><name>...</name>` lines, one
// Placemark after another, then "</Folder>\n</Document></kml>\n".
Layout layout_of(const fs::path& part, JoinedFormat format, std::string* head_text, const std::string& path) {
    std::ifstream in(part, std::ios::binary);
    const auto size = fs::file_size(part);
    const std::string start = read_range(in, 0, std::min<std::uintmax_t>(size, 1U << 16));
    const std::string end = read_range(in, size - std::min<std::uintmax_t>(size, 64), std::min<std::uintmax_t>(size, 64));
    Layout layout;
    std::size_t head = std::string::npos;
    std::string tail;
    if (format == JoinedFormat::GeoJson) {
        const auto at = start.find(fmt::format("\n{}", features_line));
        if (at != std::string::npos) head = at + 1 + features_line.size();
        tail = "\n]\n}\n";
    } else {
        const auto folder = start.find("\n<Folder><name>");
        const auto line_end = folder == std::string::npos ? folder : start.find('\n', folder + 1);
        if (line_end != std::string::npos) head = line_end + 1;
        tail = "</Folder>\n</Document></kml>\n";
    }
    if (head == std::string::npos || !end.ends_with(tail) || head + tail.size() > size)
        throw OutputError(fmt::format("{}: GDAL wrote a part in a layout depmap does not know; nothing was written",
                                      path));
    layout.head = head;
    layout.tail = tail.size();
    if (head_text) *head_text = start.substr(0, head);
    return layout;
}

void copy_range(std::ifstream& in, std::size_t offset, std::size_t size, std::ofstream& out) {
    std::vector<char> buffer(std::min<std::size_t>(size, 4U << 20));
    in.seekg(static_cast<std::streamoff>(offset));
    while (size > 0 && in) {
        const std::size_t chunk = std::min(size, buffer.size());
        in.read(buffer.data(), static_cast<std::streamsize>(chunk));
        out.write(buffer.data(), in.gcount());
        size -= static_cast<std::size_t>(in.gcount());
    }
}

// The part files, removed however the write ends.
struct PartFiles {
    std::vector<fs::path> files;
    ~PartFiles() {
        std::error_code ignored;
        for (const auto& file : files) fs::remove(file, ignored);
    }
};

} // namespace

void write_joined_parts(std::size_t rows, const fs::path& file, JoinedFormat format,
                        const std::function<void(const fs::path&, std::span<const std::size_t>)>& write_part,
                        const std::string& geojson_bbox, const std::string& path) {
    const std::size_t count = geo::threads_for(rows, 50000);
    PartFiles parts;
    for (std::size_t k = 0; k < count; ++k) parts.files.push_back(fs::path(file).concat(fmt::format(".part{}", k)));
    std::vector<std::size_t> all(rows);
    std::iota(all.begin(), all.end(), std::size_t{0});
    geo::for_each_task(count, count, [&](std::size_t k) {
        const std::span<const std::size_t> part(all.data() + rows * k / count, rows * (k + 1) / count - rows * k / count);
        write_part(parts.files[k], part);
    });

    if (count == 1 && format == JoinedFormat::Kml) {  // nothing to join (and no Folder when empty)
        fs::rename(parts.files[0], file);
        return;
    }
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    for (std::size_t k = 0; k < count; ++k) {
        std::string head;
        const auto layout = layout_of(parts.files[k], format, k == 0 ? &head : nullptr, path);
        const auto size = fs::file_size(parts.files[k]);
        std::ifstream in(parts.files[k], std::ios::binary);
        if (k == 0) {
            if (format == JoinedFormat::GeoJson && !geojson_bbox.empty())
                head.insert(head.size() - features_line.size(), fmt::format("\"bbox\": {},\n", geojson_bbox));
            out << head;
        } else if (format == JoinedFormat::GeoJson) {
            out << ",\n";
        }
        copy_range(in, layout.head, size - layout.head - layout.tail, out);
        if (k + 1 == count) copy_range(in, size - layout.tail, layout.tail, out);
        if (!in) throw OutputError(fmt::format("{}: cannot read back a part GDAL wrote", path));
    }
    out.close();
    if (!out) throw OutputError(fmt::format("{}: writing failed (disk full?)", path));
}

} // namespace depmap::layers
