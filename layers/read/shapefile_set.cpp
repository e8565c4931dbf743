#include "layers/read/shapefile_set.hpp"

#include "base/text.hpp"
#include "base/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>

namespace depmap::layers {

namespace {

namespace fs = std::filesystem;

struct Header {
    std::array<unsigned char, 32> bytes{};
    std::uintmax_t file_bytes = 0;
};

std::optional<Header> read_header(const std::string& path) {
    Header header;
    std::error_code error;
    header.file_bytes = fs::file_size(path, error);
    std::ifstream in(path, std::ios::binary);
    if (error || !in || !in.read(reinterpret_cast<char*>(header.bytes.data()), header.bytes.size()))
        return std::nullopt;  // too short to have a header: GDAL says what is wrong
    return header;
}

std::uint32_t big_endian(const Header& header, std::size_t at) {
    return std::uint32_t{header.bytes[at]} << 24 | std::uint32_t{header.bytes[at + 1]} << 16 |
           std::uint32_t{header.bytes[at + 2]} << 8 | header.bytes[at + 3];
}

std::uint32_t little_endian(const Header& header, std::size_t at, std::size_t size) {
    std::uint32_t value = 0;
    for (std::size_t i = size; i-- > 0;) value = value << 8 | header.bytes[at + i];
    return value;
}

// The records a .shx indexes (eight bytes each after its 100-byte header), checking
// that it and the .shp hold the bytes their headers state (in 16-bit words at 24).
std::int64_t check_main_file(const std::string& path, bool is_index) {
    const auto header = read_header(path);
    if (!header || big_endian(*header, 0) != 9994) return -1;
    const std::uintmax_t stated = std::uintmax_t{big_endian(*header, 24)} * 2;
    if (header->file_bytes < stated)
        throw InputError(fmt::format("{}: cut short: its header states {} bytes and the file holds {}; "
                                     "copy or write the Shapefile again",
                                     path, stated, header->file_bytes));
    return is_index && stated >= 100 ? static_cast<std::int64_t>((stated - 100) / 8) : -1;
}

// The records a .dbf states (at byte 4), checking that the file holds them all.
std::int64_t check_dbf(const std::string& path) {
    const auto header = read_header(path);
    if (!header) return -1;
    const std::uint32_t records = little_endian(*header, 4, 4);
    const std::uint32_t header_bytes = little_endian(*header, 8, 2);
    const std::uint32_t record_bytes = little_endian(*header, 10, 2);
    const std::uintmax_t stated = header_bytes + std::uintmax_t{records} * record_bytes;
    if (header->file_bytes < stated) {
        const auto whole = record_bytes == 0 || header->file_bytes < header_bytes
                               ? 0 : (header->file_bytes - header_bytes) / record_bytes;
        throw InputError(fmt::format("{}: cut short: its header states {} records and the file holds "
                                     "{}; copy or write the Shapefile again",
                                     path, records, whole));
    }
    return records;
}

// The set's file with this extension (".shp"), in either case as GDAL finds it; empty if none.
std::string member(fs::path path, const std::string& extension) {
    for (const bool upper : {false, true}) {
        std::string named = extension;
        if (upper) std::transform(named.begin(), named.end(), named.begin(),
                                  [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        path.replace_extension(named);
        if (fs::is_regular_file(path)) return path.string();
    }
    return {};
}

} // namespace

std::int64_t check_shapefile_set(const std::filesystem::path& path) {
    const auto extension = ascii_lower(path.extension().string());
    if (extension != ".shp" && extension != ".shx" && extension != ".dbf") return -1;
    const std::string shp = member(path, ".shp"), shx = member(path, ".shx"), dbf = member(path, ".dbf");
    if (!shp.empty()) check_main_file(shp, false);
    const std::int64_t indexed = shx.empty() ? -1 : check_main_file(shx, true);
    const std::int64_t records = dbf.empty() ? -1 : check_dbf(dbf);
    if (indexed >= 0 && records >= 0 && indexed != records)
        throw InputError(fmt::format("{}: its files disagree: {} indexes {} records and {} holds {}; "
                                     "they come from different writes (one interrupted?): write the "
                                     "Shapefile again",
                                     shp.empty() ? shx : shp, shx, indexed, dbf, records));
    return indexed >= 0 ? indexed : records;
}

} // namespace depmap::layers
