#include "layers/text/text_output.hpp"

#include "base/parallel.hpp"
#include "layers/text/json_value.hpp"
#include "layers/text/wkt.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>

namespace depmap::layers {

namespace {

using Json = nlohmann::ordered_json;

// Terminal columns a UTF-8 string takes: CJK and full-width characters take two.
std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        width += length >= 3 ? 2 : 1;
        i += length;
    }
    return width;
}

std::string coordinate(double deg, int decimals) {
    std::string text = fmt::format("{:.{}f}", deg, decimals);
    // Trailing zeros say nothing about precision here; drop them.
    if (text.find('.') != std::string::npos) {
        text.erase(text.find_last_not_of('0') + 1);
        if (text.back() == '.') text.pop_back();
    }
    return text;
}

void append_csv_cell(fmt::memory_buffer& out, std::string_view cell) {
    // A plain loop: find_first_of calls memchr once per character.
    const bool plain = std::none_of(cell.begin(), cell.end(),
                                    [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; });
    if (plain) {
        out.append(cell);
        return;
    }
    out.push_back('"');
    for (const char c : cell) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// Computed fields of query results, in the order a table shows them.
constexpr std::array computed_fields{"query_id", "query_name", "rank", "nearest_id", "nearest_name",
                                     "distance_m", "azimuth_deg", "bearing_deg", "region", "count"};

// Fields a derivation adds, which a first-look table keeps beside the computed ones.
constexpr std::array derived_fields{"cluster_id", "cluster_size", "hub", "cell_id", "area_km2"};
// What a person reads a feature by.
constexpr std::array first_look_fields{"name", "name_zh", "commodities", "status"};

template <std::size_t N>
bool listed(const std::array<const char*, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Cells longer than max_cell_width are cut with an ellipsis: a table is for reading, the
// full values are in CSV and JSON.
std::string table_cell(const Field& field, const Column& column, std::size_t row, std::size_t max_cell_width) {
    if (column.is_null(row)) return "-";
    std::string text;
    if (column.type() != FieldType::Real) text = column.to_text(row);
    else if (field.name.ends_with("_m")) text = fmt::format("{:.3f}", column.real(row));
    else if (field.name.ends_with("_deg")) text = fmt::format("{:.6f}", column.real(row));
    else text = fmt::format("{:.6g}", column.real(row));
    if (display_width(text) <= max_cell_width) return text;
    std::size_t cut = 0, width = 0;
    while (cut < text.size() && width < max_cell_width - 1) {
        const auto c = static_cast<unsigned char>(text[cut]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        width += length >= 3 ? 2 : 1;
        cut += length;
    }
    return text.substr(0, cut) + "…";
}

} // namespace

void write_table(const Layer& layer, std::ostream& out, const TableOptions& options) {
    // The answer's own fields first: people read a table from the left.
    std::vector<std::size_t> order;
    if (!options.as_given)
        for (const char* name : computed_fields)
            if (const auto f = layer.field_index(name); f && layer.fields[*f].name == name) order.push_back(*f);
    const bool first_look = options.first_look && std::any_of(layer.fields.begin(), layer.fields.end(), [](const Field& field) {
        return listed(first_look_fields, field.name);
    });
    const auto shown = [&](const Field& field) {
        return !first_look || listed(derived_fields, field.name) || field.name.starts_with("sum_") ||
               listed(first_look_fields, field.name);
    };
    if (first_look)  // a derivation's fields are the answer's own too
        for (const char* name : derived_fields)
            if (const auto f = layer.field_index(name); f && layer.fields[*f].name == name) order.push_back(*f);
    for (std::size_t f = 0; f < layer.fields.size(); ++f)
        if (std::find(order.begin(), order.end(), f) == order.end() && shown(layer.fields[f])) order.push_back(f);

    std::vector<std::string> header;
    for (const auto f : order) header.push_back(layer.fields[f].name);
    if (layer.is_points()) header.insert(header.end(), {"lon", "lat"});
    std::vector<std::vector<std::string>> rows;
    for (std::size_t row = 0; row < layer.size(); ++row) {
        std::vector<std::string> cells;
        for (const auto f : order) cells.push_back(table_cell(layer.fields[f], layer.columns[f], row, options.max_cell_width));
        if (layer.is_points()) {
            cells.push_back(coordinate(layer.points[row].lon_deg, 6));
            cells.push_back(coordinate(layer.points[row].lat_deg, 6));
        }
        rows.push_back(std::move(cells));
    }
    std::vector<std::size_t> widths;
    for (const auto& name : header) widths.push_back(display_width(name));
    for (const auto& cells : rows)
        for (std::size_t c = 0; c < cells.size(); ++c) widths[c] = std::max(widths[c], display_width(cells[c]));
    const auto print_row = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            line += cells[c];
            if (c + 1 < cells.size()) line.append(widths[c] - display_width(cells[c]) + 2, ' ');
        }
        out << line << '\n';
    };
    print_row(header);
    for (const auto& cells : rows) print_row(cells);
}

namespace {

// How a layer's shapes are written: as GDAL writes them (wkt.hpp).
WktParts wkt_parts(const Layer& layer) {
    bool multi = false, mixed = false;
    for (const auto& shape : layer.shapes) {
        mixed |= shape.index() != layer.shapes.front().index();
        multi |= std::visit([](const auto& parts) { return parts.size() > 1; }, shape);
    }
    return mixed ? WktParts::SingleWherePossible : multi ? WktParts::Multi : WktParts::Single;
}

// One CSV row, without its line end.
void append_csv_row(const Layer& layer, const CsvGeometry& geometry, WktParts parts, std::size_t row,
                    fmt::memory_buffer& buffer) {
    bool first = true;
    const auto separate = [&] {
        if (!first) buffer.push_back(',');
        first = false;
    };
    if (layer.is_points()) {
        // The shortest form that reads back the same double: coordinates as held.
        fmt::format_to(std::back_inserter(buffer), FMT_COMPILE("{},{}"), geometry.points[row].lon_deg,
                       geometry.points[row].lat_deg);
        first = false;
    } else if (layer.has_geometry()) {
        buffer.push_back('"');  // WKT holds commas, never quotes
        append_wkt(buffer, geometry.shapes[row], parts);
        buffer.push_back('"');
        first = false;
    }
    for (const auto& column : layer.columns) {
        separate();
        if (column.is_null(row)) continue;
        switch (column.type()) {
        case FieldType::Integer: fmt::format_to(std::back_inserter(buffer), FMT_COMPILE("{}"), column.integer(row)); break;
        case FieldType::Real: fmt::format_to(std::back_inserter(buffer), FMT_COMPILE("{}"), column.real(row)); break;
        case FieldType::String: append_csv_cell(buffer, column.text(row)); break;
        }
    }
    buffer.push_back('\n');
}

} // namespace

void write_csv(const Layer& layer, std::ostream& out, const CsvGeometry& given) {
    CsvGeometry geometry = given;
    if (geometry.points.empty()) geometry.points = layer.points;
    if (geometry.shapes.empty()) geometry.shapes = layer.shapes;
    const auto parts = wkt_parts(layer);
    fmt::memory_buffer header;
    if (layer.is_points()) {
        append_csv_cell(header, geometry.x_name);
        header.push_back(',');
        append_csv_cell(header, geometry.y_name);
    } else if (layer.has_geometry()) {
        header.append(std::string_view("wkt"));
    }
    for (std::size_t f = 0; f < layer.fields.size(); ++f) {
        if (f > 0 || layer.has_geometry()) header.push_back(',');
        append_csv_cell(header, layer.fields[f].name);
    }
    header.push_back('\n');
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    if (!out) return;

    // Formatting numbers is most of the work for millions of rows. Blocks of rows are
    // formatted on all cores, each thread taking the next block (a core the host slows
    // down takes fewer), and written in order by whichever thread finds the next block
    // ready; the others go on formatting rather than wait for it. A failure, a throw
    // here, stops every thread taking blocks (for_each_task) and wakes those waiting.
    struct StreamFailed {};  // a full disk, a closed pipe: the caller reads the stream's state
    constexpr std::size_t block = 1U << 13;
    const std::size_t blocks = (layer.size() + block - 1) / block;
    const std::size_t threads = depmap::threads_for(layer.size(), block);
    std::mutex mutex;
    std::condition_variable drained;
    std::map<std::size_t, fmt::memory_buffer> ready;  // formatted, not yet written
    std::size_t next = 0;                             // the next block to write
    bool writing = false, failed = false;
    const auto fail = [&] {
        const std::lock_guard lock(mutex);
        failed = true;  // nothing more is written
        drained.notify_all();
    };
    try {
        depmap::for_each_task(blocks, threads, [&](std::size_t k) {
            fmt::memory_buffer buffer;
            try {
                for (std::size_t row = k * block; row < std::min((k + 1) * block, layer.size()); ++row)
                    append_csv_row(layer, geometry, parts, row, buffer);
            } catch (...) {
                fail();
                throw;
            }
            std::unique_lock lock(mutex);
            ready.emplace(k, std::move(buffer));
            if (writing) {
                // A slow output must not make the whole file pile up in memory.
                drained.wait(lock, [&] { return ready.size() <= 2 * threads || failed; });
                return;
            }
            writing = true;
            while (!failed && !ready.empty() && ready.begin()->first == next) {
                const auto node = ready.extract(ready.begin());
                lock.unlock();
                out.write(node.mapped().data(), static_cast<std::streamsize>(node.mapped().size()));
                lock.lock();
                ++next;
                if (!out) {
                    failed = true;
                    drained.notify_all();
                    throw StreamFailed{};
                }
                drained.notify_all();
            }
            writing = false;
        });
    } catch (const StreamFailed&) {
    }
}

void write_json(const Layer& layer, std::ostream& out) {
    Json array = Json::array();
    for (std::size_t row = 0; row < layer.size(); ++row) {
        Json object = Json::object();
        if (layer.is_points()) {
            object["lon"] = layer.points[row].lon_deg;
            object["lat"] = layer.points[row].lat_deg;
        }
        for (std::size_t f = 0; f < layer.fields.size(); ++f)
            object[layer.fields[f].name] = json_value(layer.columns[f], row);
        array.push_back(std::move(object));
    }
    out << array.dump(2) << '\n';
}

} // namespace depmap::layers
