#include "layers/read/csv_reader.hpp"

#include "base/progress.hpp"

#include "geo/dms.hpp"
#include "base/error.hpp"
#include "base/parallel.hpp"
#include "base/text.hpp"
#include "layers/read/coordinate_columns.hpp"
#include "layers/gdal/crs.hpp"
#include "layers/read/csv_table.hpp"
#include "layers/model/decimal_text.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/model/layer_builder.hpp"
#include "base/unfilled_vector.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/read/position_check.hpp"
#include "layers/read/problems.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <ogr_geometry.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <numeric>
#include <optional>
#include <tuple>

namespace depmap::layers {

namespace {

// The whole file, in a buffer that is not zeroed first; a large file is read in parts
// on all cores (copying from the page cache is most of the cost).
struct FileBytes {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    std::span<char> span() { return {data.get(), size}; }
};

FileBytes read_file(const std::string& path) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || error) {
        if (fd >= 0) ::close(fd);
        throw InputError(fmt::format("{}: cannot open the file; check the path", path));
    }
    FileBytes bytes{std::make_unique_for_overwrite<char[]>(size), size};
    std::atomic<bool> failed{false};
    depmap::for_each_range(size, depmap::threads_for(size, 16U << 20), [&](std::size_t begin, std::size_t end) {
        while (begin < end) {
            const auto got = ::pread(fd, bytes.data.get() + begin, end - begin, static_cast<off_t>(begin));
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {
                failed = true;
                return;
            }
            begin += static_cast<std::size_t>(got);
        }
    });
    ::close(fd);
    if (failed) throw InputError(fmt::format("{}: cannot read the file", path));
    return bytes;
}

// The parsers below take cells already trimmed (a load trims every cell once).

// A whole cell as a number ("nan" and "inf" included: range checks reject them later).
std::optional<double> parse_number(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// An integer as written by people: no leading zeros (those are codes, kept as text).
std::optional<std::int64_t> parse_integer(std::string_view text) {
    const std::string_view digits = !text.empty() && text.front() == '-' ? text.substr(1) : text;
    if (digits.empty() || (digits.size() > 1 && digits.front() == '0')) return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<double> parse_real(std::string_view text) {
    // "007" and "-012.5" are codes, not numbers: a leading zero must precede the point.
    const auto digits = text.substr(text.starts_with('-') ? 1 : 0);
    if (digits.size() > 1 && digits[0] == '0' && digits[1] != '.') return std::nullopt;
    const auto value = parse_number(text);
    if (!value || !std::isfinite(*value)) return std::nullopt;
    return value;
}

// The kept rows of one CSV column as a typed column: Integer when every value is one,
// else Real when every value is a number, else String. Numbers go straight into the
// column; the first value that does not fit widens it (integers become reals) or
// makes it text, read again from the cells. A number a double or an int64 cannot
// hold exactly (more digits than 17, beyond 64 bits) makes it text too, with a note
// in `rounded` naming the value: text is not rounded. `so_far` is the type earlier rows
// gave the column: String makes it text at once, Real reads every cell as a real.
Column read_column(const CsvTable& table, std::size_t column, const std::vector<std::uint8_t>& keep,
                   std::size_t kept, std::string& rounded, FieldType so_far = FieldType::Integer) {
    const bool as_text = so_far == FieldType::String;
    Column out(so_far == FieldType::Real ? FieldType::Real : FieldType::Integer);
    out.reserve(kept);
    bool any = false;
    const auto inexact = [&](std::string_view cell, std::size_t row) {
        rounded = fmt::format("'{}' (line {}) has more digits than a number holds", cell, table.line(row));
        return false;
    };
    const bool numbers = !as_text && table.for_rows(0, table.rows(), [&](std::size_t row, const auto& block, std::size_t i) {
        if (!keep[row]) return true;
        const auto cell = trimmed(block.columns[column][i]);
        if (cell.empty()) {
            out.push_null();
            return true;
        }
        any = true;
        if (out.type() == FieldType::Integer) {
            if (const auto value = parse_integer(cell)) {
                out.push(*value);
                return true;
            }
            Column reals(FieldType::Real);
            reals.reserve(kept);
            for (std::size_t r = 0; r < out.size(); ++r) {
                if (out.is_null(r)) {
                    reals.push_null();
                    continue;
                }
                if (!is_exact_as_double(out.integer(r))) {
                    rounded = fmt::format("{} has more digits than a real number holds, and line {} "
                                          "makes the column real",
                                          out.integer(r), table.line(row));
                    return false;
                }
                reals.push(static_cast<double>(out.integer(r)));
            }
            out = std::move(reals);
        }
        const auto value = parse_real(cell);
        if (!value) return false;
        if (!is_exact_decimal(cell, *value)) return inexact(cell, row);
        out.push(*value);
        return true;
    });
    if (any && numbers) return out;

    Column text(FieldType::String);
    std::size_t bytes = 0;
    table.for_rows(0, table.rows(), [&](std::size_t row, const auto& block, std::size_t i) {
        bytes += keep[row] ? block.columns[column][i].size() : 0;
        return true;
    });
    text.reserve(kept, bytes);
    table.for_rows(0, table.rows(), [&](std::size_t row, const auto& block, std::size_t i) {
        if (!keep[row]) return true;
        const auto cell = block.columns[column][i];
        if (trimmed(cell).empty()) text.push_null();
        else text.push(cell);
        return true;
    });
    return text;
}

// The order in which to read the columns on all cores: the most bytes first (by a
// sample of rows), so that no core is left with a long column after the others.
std::vector<std::size_t> widest_first(const CsvTable& table, const std::vector<std::size_t>& columns) {
    std::vector<std::size_t> bytes(columns.size());
    const std::size_t step = table.rows() / 512 + 1;
    for (std::size_t row = 0; row < table.rows(); row += step)
        for (std::size_t k = 0; k < columns.size(); ++k) bytes[k] += table.cell(row, columns[k]).size();
    std::vector<std::size_t> order(columns.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return bytes[a] > bytes[b]; });
    return order;
}

// Reads one coordinate cell, decimal or DMS, for the axis its column is named for.
class CoordinateReader {
public:
    CoordinateReader(std::string column_name, geo::Axis axis)
        : m_column(std::move(column_name)), m_axis(axis) {}

    bool used_dms() const { return m_used_dms; }

    // The value, or a problem description in `why` (reason, detail).
    std::optional<double> read(std::string_view cell, std::string& reason, std::string& detail) {
        const char* name = m_axis == geo::Axis::Lon ? "longitude" : "latitude";
        cell = trimmed(cell);
        if (cell.empty()) {
            reason = "empty coordinate";
            detail = fmt::format("the {} (column '{}') is empty", name, m_column);
            return std::nullopt;
        }
        if (const auto value = parse_number(cell)) return value;
        if (const auto angle = geo::parse_angle(cell)) {
            if (angle->axis != geo::Axis::Unknown && angle->axis != m_axis) {
                reason = "coordinate on the wrong axis";
                detail = fmt::format("the {} column '{}' holds '{}', which is a {}", name,
                                     m_column, cell,
                                     angle->axis == geo::Axis::Lat ? "latitude" : "longitude");
                return std::nullopt;
            }
            m_used_dms = true;
            return angle->deg;
        }
        reason = "coordinate not a number";
        detail = fmt::format("{} '{}' (column '{}') is not a number or a DMS angle such as "
                             "41°47'N",
                             name, cell, m_column);
        return std::nullopt;
    }

private:
    std::string m_column;
    geo::Axis m_axis;
    bool m_used_dms = false;
};

std::string no_coordinates_message(const std::string& path, const CsvTable& table) {
    std::optional<std::string> lon, lat;
    for (const auto& name : table.header) {
        const auto role = role_of_header(name);
        if (role == ColumnRole::Lon && !lon) lon = name;
        if (role == ColumnRole::Lat && !lat) lat = name;
    }
    if (lon) return fmt::format("{}: found the longitude column '{}' but no latitude column; "
                                "name it lat or latitude", path, *lon);
    if (lat) return fmt::format("{}: found the latitude column '{}' but no longitude column; "
                                "name it lon or longitude", path, *lat);
    return fmt::format("{}: no coordinate columns among {}; name them lon and lat (or longitude/"
                       "latitude, x/y, 经度/纬度) or add a WKT column",
                       path, fmt::join(table.header, ", "));
}

// Fills `positions` (source CRS) for the rows, dropping bad ones from `keep`. Positions
// already in WGS84 (`checked`) are checked here too; others once transformed. `dms`
// becomes true when a cell is in degrees, minutes and seconds (it says so for every
// stretch read so far).
void read_lonlat(const CsvTable& table, const CoordinateColumns& columns, bool checked, Problems& problems,
                 Layer& layer, std::vector<geo::LonLat>& positions, std::vector<std::uint8_t>& keep, bool& dms) {
    // Rows are independent: a large file's parts are parsed at once, and the problems
    // reported afterwards, in row order.
    struct Part {
        CoordinateReader lon, lat;
        std::vector<std::tuple<std::size_t, std::string, std::string>> bad;  // row, reason, detail
    };
    const auto parse = [&](Part& part, std::size_t begin, std::size_t end) {
        std::string reason, detail;
        table.for_rows(begin, end, [&](std::size_t row, const auto& block, std::size_t i) {
            const auto x = part.lon.read(block.columns[columns.lon][i], reason, detail);
            const auto y = x ? part.lat.read(block.columns[columns.lat][i], reason, detail) : std::nullopt;
            if (!x || !y) {
                part.bad.emplace_back(row, reason, detail);
                keep[row] = 0;
                return true;
            }
            positions[row] = {*x, *y};
            if (checked)
                if (const auto problem = check_position(positions[row])) {
                    part.bad.emplace_back(row, problem->reason, problem->detail);
                    keep[row] = 0;
                }
            return true;
        });
    };
    const std::size_t count = depmap::threads_for(table.rows(), 10000);
    std::vector<Part> parts;
    for (std::size_t k = 0; k < count; ++k)
        parts.push_back({CoordinateReader(table.header[columns.lon], geo::Axis::Lon),
                         CoordinateReader(table.header[columns.lat], geo::Axis::Lat), {}});
    depmap::for_each_task(count, count, [&](std::size_t k) {
        parse(parts[k], table.rows() * k / count, table.rows() * (k + 1) / count);
    });
    for (const auto& part : parts) {
        for (const auto& [row, reason, detail] : part.bad) problems.report_line(table.line(row), reason, detail);
        dms = dms || part.lon.used_dms() || part.lat.used_dms();
    }
    layer.coordinate_columns = {table.header[columns.lon], table.header[columns.lat]};
    layer.geometry_source = fmt::format("columns {}, {} ({})", table.header[columns.lon],
                                        table.header[columns.lat],
                                        dms ? "degrees, minutes, seconds" : "decimal");
}

void transform_and_check(const CsvTable& table, const ToWgs84& to_wgs84, const std::string& crs,
                         Problems& problems, std::vector<geo::LonLat>& positions,
                         std::vector<std::uint8_t>& keep) {
    std::vector<bool> ok;
    to_wgs84.transform(positions, ok);
    for (std::size_t row = 0; row < table.rows(); ++row) {
        if (!keep[row]) continue;
        if (!ok[row]) {
            problems.report_line(table.line(row), "cannot transform",
                            fmt::format("the position cannot be transformed from {} to WGS84; "
                                        "check the coordinates and {}", crs, parameter("src_crs")));
            keep[row] = 0;
        } else if (const auto problem = check_position(positions[row])) {
            problems.report_line(table.line(row), problem->reason, problem->detail);
            keep[row] = 0;
        }
    }
}

// Parses the WKT column into geometries already in WGS84.
std::vector<std::unique_ptr<OGRGeometry>> read_wkt(const CsvTable& table, std::size_t column,
                                                   const ToWgs84& to_wgs84, Problems& problems,
                                                   std::vector<std::uint8_t>& keep) {
    std::vector<std::unique_ptr<OGRGeometry>> geometries(table.rows());
    for (std::size_t row = 0; row < table.rows(); ++row) {
        const std::string wkt(trimmed(table.cell(row, column)));
        OGRGeometry* geometry = nullptr;
        if (wkt.empty() ||
            OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &geometry) != OGRERR_NONE) {
            problems.report_line(table.line(row), wkt.empty() ? "empty geometry" : "invalid WKT",
                            wkt.empty() ? std::string("the WKT cell is empty")
                                        : fmt::format("'{}' is not valid WKT", wkt.substr(0, 60)));
            keep[row] = 0;
            continue;
        }
        std::unique_ptr<OGRGeometry> owned(geometry);
        if (owned->IsEmpty()) {
            problems.report_line(table.line(row), "empty geometry", "the geometry is empty");
            keep[row] = 0;
            continue;
        }
        if (to_wgs84.ogr() != nullptr && owned->transform(to_wgs84.ogr()) != OGRERR_NONE) {
            problems.report_line(table.line(row), "cannot transform",
                            "the geometry cannot be transformed to WGS84; check " + parameter("src_crs"));
            keep[row] = 0;
            continue;
        }
        OGREnvelope envelope;
        owned->getEnvelope(&envelope);
        for (const geo::LonLat corner : {geo::LonLat{envelope.MinX, envelope.MinY},
                                         geo::LonLat{envelope.MaxX, envelope.MaxY}}) {
            if (const auto problem = check_position(corner)) {
                problems.report_line(table.line(row), problem->reason, problem->detail);
                keep[row] = 0;
                break;
            }
        }
        if (keep[row]) geometries[row] = std::move(owned);
    }
    return geometries;
}

// The layer's fields for its attribute columns, with a note for each column kept as text
// because a number in it could not be held exactly.
void name_fields(Layer& layer, const std::string& path, const std::vector<std::string>& header,
                 const std::vector<std::size_t>& attribute_columns, const std::vector<Column>& attributes,
                 const std::vector<std::string>& rounded) {
    for (std::size_t i = 0; i < attributes.size(); ++i) {
        layer.fields.push_back({header[attribute_columns[i]], attributes[i].type()});
        if (!rounded[i].empty())
            layer.notes.push_back(fmt::format("{}: column '{}' is kept as text: {}", path,
                                              header[attribute_columns[i]], rounded[i]));
    }
}

// A layer of the CSV at `path`, with no rows yet.
Layer csv_layer(const std::string& path) {
    Layer layer;
    layer.source = path;
    layer.driver = "CSV";
    const auto slash = path.find_last_of('/');
    const std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    layer.name = file.substr(0, file.find_last_of('.'));
    return layer;
}

// A large file is read in stretches of about this many bytes, one after the other.
constexpr std::size_t default_stretch_bytes = std::size_t{16} << 20;
std::atomic<std::size_t> stretch_bytes{default_stretch_bytes};

// The stretches of a file, each of whole lines (the last may lack its line end), in one
// buffer reused from stretch to stretch.
class Stretches {
public:
    explicit Stretches(const std::string& path) : m_path(path), m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
    ~Stretches() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Stretches(const Stretches&) = delete;
    Stretches& operator=(const Stretches&) = delete;

    bool is_open() const { return m_fd >= 0; }
    // The next stretch; empty at the end of the file.
    std::span<char> next() {
        if (m_filled > m_cut)  // a line begun (the buffer is still unallocated at first: no null to memmove)
            std::memmove(m_buffer.data(), m_buffer.data() + m_cut, m_filled - m_cut);
        m_filled -= m_cut;
        for (;;) {
            const std::size_t searched = m_filled;
            m_buffer.resize(std::max(m_buffer.size(), m_filled + stretch_bytes.load()));
            const bool more = fill();
            if (!more) {
                m_cut = m_filled;
                return {m_buffer.data(), m_filled};
            }
            const void* end = ::memrchr(m_buffer.data() + searched, '\n', m_filled - searched);
            if (end != nullptr) {
                m_cut = static_cast<std::size_t>(static_cast<const char*>(end) - m_buffer.data()) + 1;
                return {m_buffer.data(), m_cut};
            }
        }
    }

private:
    // Reads up to the buffer's end; false at the end of the file.
    bool fill() {
        const std::size_t before = m_filled;
        while (m_filled < m_buffer.size()) {
            const auto got = ::pread(m_fd, m_buffer.data() + m_filled, m_buffer.size() - m_filled,
                                     static_cast<off_t>(m_offset));
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) throw InputError(fmt::format("{}: cannot read the file", m_path));
            if (got == 0) return m_filled > before;
            m_filled += static_cast<std::size_t>(got);
            m_offset += static_cast<std::size_t>(got);
        }
        return true;
    }

    std::string m_path;
    int m_fd;
    depmap::UnfilledVector<char> m_buffer;
    std::size_t m_filled = 0;  // bytes of the buffer read
    std::size_t m_cut = 0;     // the end of the stretch last handed out
    std::size_t m_offset = 0;  // in the file
};

// Whether split_csv reads `text` as it reads a stretch: no quote (a quoted cell may hold
// a line end), no \r but before a \n.
bool is_plain(std::span<const char> text) {
    const std::string_view view(text.data(), text.size());
    if (view.find('"') != view.npos) return false;
    for (auto at = view.find('\r'); at != view.npos; at = view.find('\r', at + 1))
        if (at + 1 == view.size() || view[at + 1] != '\n') return false;
    return true;
}

// A column of `rows` nulls followed by `values`.
Column after_nulls(std::size_t rows, const Column& values, std::size_t reserve_rows) {
    Column out(values.type());
    out.reserve(reserve_rows, values.average_text_bytes() * reserve_rows);
    for (std::size_t row = 0; row < rows; ++row) out.push_null();
    out.append(values);
    return out;
}

// The reals of an Integer column, or nothing when one of them is not exactly a double
// (the whole file then tells which line to name).
std::optional<Column> as_reals(const Column& integers, std::size_t reserve_rows) {
    Column reals(FieldType::Real);
    reals.reserve(std::max(reserve_rows, integers.size()));
    for (std::size_t row = 0; row < integers.size(); ++row) {
        if (integers.is_null(row)) {
            reals.push_null();
            continue;
        }
        if (!is_exact_as_double(integers.integer(row))) return std::nullopt;
        reals.push(static_cast<double>(integers.integer(row)));
    }
    return reals;
}

// A large file of lon/lat columns without quotes, read stretch by stretch straight into
// the layer's columns: only one stretch's text is held at a time, numbers are kept as
// numbers and a text of few values (a commodity) once each. Nothing when the file needs
// to be read whole: a quote, WKT, or a column whose type a later stretch changes in a
// way the values kept cannot follow (numbers that turn out to be text).
std::optional<Layer> read_csv_in_stretches(const std::string& path, const ReadOptions& options) {
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || size <= 2 * stretch_bytes.load()) return std::nullopt;
    Stretches stretches(path);
    if (!stretches.is_open()) return std::nullopt;

    Layer layer = csv_layer(path);
    Problems problems(path, options.on_error, layer.skipped);
    ProgressStep progress("reading", size);
    auto text = stretches.next();
    if (!is_plain(text)) return std::nullopt;
    CsvTable table = split_csv(text, path, problems);
    if (table.rows() == 0) return std::nullopt;
    std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    std::vector<std::string_view> first_row;
    for (std::size_t column = 0; column < table.header.size(); ++column) first_row.push_back(table.cell(0, column));
    const auto columns = find_coordinate_columns(table.header, first_row);
    if (columns.kind != CoordinateColumns::Kind::LonLat) return std::nullopt;

    const auto srs = options.src_crs.empty() ? std::nullopt : std::optional(crs_from_user_text(options.src_crs));
    layer.crs = srs ? crs_label(*srs) : "EPSG:4326";
    const ToWgs84 to_wgs84 = srs ? ToWgs84(*srs) : ToWgs84();

    std::vector<std::size_t> attribute_columns;
    for (std::size_t c = 0; c < table.header.size(); ++c)
        if (c != columns.lon && c != columns.lat) attribute_columns.push_back(c);
    // Rows to reserve, from the first stretch: memory not yet written costs nothing.
    const std::size_t expected_rows = static_cast<std::size_t>(
        1.1 * static_cast<double>(table.rows()) * static_cast<double>(size) / static_cast<double>(text.size())) + 1024;
    std::vector<geo::LonLat> points;
    points.reserve(expected_rows);
    depmap::advise_huge_pages(points);
    std::vector<Column> attributes(attribute_columns.size(), Column(FieldType::String));
    std::vector<std::uint8_t> has_values(attribute_columns.size(), 0);  // else only nulls so far
    std::vector<std::string> rounded(attribute_columns.size());
    bool dms = false;
    const auto order = widest_first(table, attribute_columns);
    for (;;) {
        std::vector<std::uint8_t> keep(table.rows(), 1);
        std::vector<geo::LonLat> positions(table.rows());
        read_lonlat(table, columns, to_wgs84.is_identity(), problems, layer, positions, keep, dms);
        if (!to_wgs84.is_identity()) transform_and_check(table, to_wgs84, layer.crs, problems, positions, keep);
        const auto kept = static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 1));

        // Each column is read and appended to the layer's in its own task, the widest
        // first, and the positions in one more: tasks of the same stretch run at once.
        // Appends a stretch's values to column i; false when the values kept cannot follow.
        const auto merge = [&](std::size_t i, Column values, const std::string& note) {
            Column& column = attributes[i];
            bool any = false;
            for (std::size_t row = 0; row < values.size() && !any; ++row) any = !values.is_null(row);
            if (!any) {
                for (std::size_t row = 0; row < values.size(); ++row) column.push_null();
            } else if (!has_values[i]) {
                column = after_nulls(column.size(), values, expected_rows);
                rounded[i] = note;
                has_values[i] = 1;
            } else if (values.type() == column.type()) {
                column.append(values);
            } else if (column.type() == FieldType::Integer && values.type() == FieldType::Real) {
                auto reals = as_reals(column, expected_rows);
                if (!reals) return false;
                column = std::move(*reals);
                column.append(values);
            } else {
                return false;  // numbers so far, text now: the earlier text is gone
            }
            return true;
        };
        std::atomic<bool> lost{false};
        depmap::for_each_task(order.size() + 1, depmap::threads_for(table.rows(), 10000), [&](std::size_t k) {
            if (k == order.size()) {
                for (std::size_t row = 0; row < table.rows(); ++row)
                    if (keep[row]) points.push_back(positions[row]);
                return;
            }
            const std::size_t i = order[k];
            // A column known to be text or reals is read so from the stretch's first cell,
            // as a whole read goes on (a "-0" among integers is then -0.0, not 0).
            const auto so_far = has_values[i] ? attributes[i].type() : FieldType::Integer;
            std::string note;
            Column values = read_column(table, attribute_columns[i], keep, kept, note, so_far);
            values.intern();
            if (!merge(i, std::move(values), note)) lost = true;
        });
        if (lost) return std::nullopt;

        progress.advance(text.size());
        text = stretches.next();
        if (text.empty()) break;
        const auto next_line = split_csv_rows(text, line, path, table, problems);
        if (!next_line) return std::nullopt;
        line = *next_line;
    }
    problems.finish();

    name_fields(layer, path, table.header, attribute_columns, attributes, rounded);
    layer.kind = GeometryKind::Point;
    layer.geometry_type = "None";
    LayerBuilder builder(layer);
    layer.columns = std::move(attributes);
    builder.add_points(std::move(points));
    builder.finish();
    return layer;
}

// The whole file at once: any CSV.
Layer read_csv_whole(const std::string& path, const ReadOptions& options) {
    Layer layer = csv_layer(path);
    auto bytes = read_file(path);
    Problems problems(path, options.on_error, layer.skipped);
    const CsvTable table = split_csv(bytes.span(), path, problems);

    std::vector<std::string_view> first_row;
    if (table.rows() > 0)
        for (std::size_t column = 0; column < table.header.size(); ++column) first_row.push_back(table.cell(0, column));
    const auto columns = find_coordinate_columns(table.header, first_row);
    if (columns.kind == CoordinateColumns::Kind::None)
        throw InputError(no_coordinates_message(path, table));

    // Without --src-crs the positions already are WGS84: no CRS is built at all.
    const auto srs = options.src_crs.empty() ? std::nullopt : std::optional(crs_from_user_text(options.src_crs));
    layer.crs = srs ? crs_label(*srs) : "EPSG:4326";
    const ToWgs84 to_wgs84 = srs ? ToWgs84(*srs) : ToWgs84();

    std::vector<std::uint8_t> keep(table.rows(), 1);
    std::vector<geo::LonLat> positions;
    std::vector<std::unique_ptr<OGRGeometry>> geometries;
    std::vector<std::size_t> coordinate_columns;
    if (columns.kind == CoordinateColumns::Kind::LonLat) {
        positions.resize(table.rows());
        bool dms = false;
        read_lonlat(table, columns, to_wgs84.is_identity(), problems, layer, positions, keep, dms);
        if (!to_wgs84.is_identity()) transform_and_check(table, to_wgs84, layer.crs, problems, positions, keep);
        coordinate_columns = {columns.lon, columns.lat};
    } else {
        geometries = read_wkt(table, columns.wkt, to_wgs84, problems, keep);
        layer.coordinate_columns = {table.header[columns.wkt]};
        layer.geometry_source = fmt::format("WKT column {}", table.header[columns.wkt]);
        coordinate_columns = {columns.wkt};
    }

    problems.finish();
    const auto kept = static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 1));
    std::vector<std::size_t> attribute_columns;
    for (std::size_t c = 0; c < table.header.size(); ++c)
        if (std::find(coordinate_columns.begin(), coordinate_columns.end(), c) == coordinate_columns.end())
            attribute_columns.push_back(c);
    // Columns are independent: read them on all cores.
    std::vector<std::optional<Column>> read(attribute_columns.size());
    std::vector<std::string> rounded(attribute_columns.size());
    const auto order = widest_first(table, attribute_columns);
    depmap::for_each_task(read.size(), depmap::threads_for(table.rows(), 10000), [&](std::size_t k) {
        const std::size_t i = order[k];
        read[i].emplace(read_column(table, attribute_columns[i], keep, kept, rounded[i]));
    });
    std::vector<Column> attributes;
    for (auto& column : read) attributes.push_back(std::move(*column));
    name_fields(layer, path, table.header, attribute_columns, attributes, rounded);

    // With no rows: a point layer (coordinates, or WKT of nothing) of no type found.
    layer.kind = GeometryKind::Point;
    layer.geometry_type = "None";
    LayerBuilder builder(layer);
    layer.columns = std::move(attributes);  // built column by column above, already typed
    if (!positions.empty()) {
        if (kept < positions.size()) {
            std::size_t kept_row = 0;
            for (std::size_t row = 0; row < table.rows(); ++row)
                if (keep[row]) positions[kept_row++] = positions[row];
            positions.resize(kept_row);
        }
        builder.add_points(std::move(positions));
        builder.finish();
        return layer;
    }
    layer.points.reserve(kept);
    for (std::size_t row = 0; row < table.rows(); ++row) {
        if (!keep[row]) continue;
        if (wkbFlatten(geometries[row]->getGeometryType()) == wkbPoint) {
            const auto* point = geometries[row]->toPoint();
            builder.add_point({point->getX(), point->getY()});
        } else {
            try {
                builder.add_shape(to_shape(*geometries[row]), geometry_type_name(*geometries[row]));
            } catch (const std::invalid_argument& e) {
                throw InputError(fmt::format("{}:{}: {} cannot be used; split it into simple "
                                             "geometries", path, table.line(row), e.what()));
            }
        }
    }
    builder.finish();
    return layer;
}

} // namespace

void set_csv_stretch_bytes(std::size_t bytes) { stretch_bytes = bytes == 0 ? default_stretch_bytes : bytes; }

Layer read_csv(const std::string& path, const ReadOptions& options) {
    ensure_gdal();
    if (auto layer = read_csv_in_stretches(path, options)) return std::move(*layer);
    return read_csv_whole(path, options);
}

} // namespace depmap::layers
