#include "layers/style/kml_styles.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"
#include "layers/model/commodities.hpp"
#include "layers/style/commodity_colours.hpp"

#include <fmt/format.h>

#include <iterator>
#include <string_view>
#include <vector>
#include <map>

namespace depmap::layers {

namespace {

const CommodityColour& colour_of(const Layer& layer, std::size_t field, std::size_t row) {
    const auto& column = layer.columns[field];
    return column.is_null(row) ? no_commodity_colour() : primary_commodity_colour(column.text(row));
}

// KML writes colours as aabbggrr.
std::string kml_colour(Rgb colour) {
    return fmt::format("ff{:02x}{:02x}{:02x}", colour.blue, colour.green, colour.red);
}

std::string style_id(std::string_view commodity) {
    std::string id = "commodity-";
    for (const char c : commodity) id += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return id;
}

} // namespace

KmlStyles::KmlStyles(const Layer& layer) {
    const auto field = commodity_field(layer);
    if (!field || !layer.is_points()) return;
    std::vector<const CommodityColour*> colours(layer.size());
    depmap::for_each_range(layer.size(), depmap::threads_for(layer.size(), 10000), [&](std::size_t begin, std::size_t end) {
        for (std::size_t row = begin; row < end; ++row) colours[row] = &colour_of(layer, *field, row);
    });
    // The vocabulary's entries are few and fixed: a style each, in id order.
    std::map<std::string, const CommodityColour*> used;
    for (const auto* colour : colours) used.emplace(style_id(colour->commodity), colour);
    std::map<const CommodityColour*, std::uint8_t> number;
    for (const auto& [id, colour] : used) {
        number[colour] = static_cast<std::uint8_t>(m_lines.size());
        m_lines.push_back(fmt::format("\t<styleUrl>#{}</styleUrl>\n", id));
        m_shared += fmt::format("<Style id=\"{}\"><IconStyle><color>{}</color><Icon><href>"
                                "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href>"
                                "</Icon></IconStyle></Style>\n", id, kml_colour(colour->colour));
    }
    m_row_style.reserve(colours.size());
    for (const auto* colour : colours) m_row_style.push_back(number.at(colour));
}

std::string KmlStyles::with_shared_styles(std::string_view head, const std::string& path) const {
    std::string text(head);
    if (empty()) return text;
    const auto document = text.find("<Document");
    const auto line_end = document == text.npos ? document : text.find('\n', document);
    if (line_end == text.npos)
        throw OutputError(fmt::format("{}: GDAL wrote KML without a Document; nothing was written", path));
    return text.insert(line_end + 1, m_shared);
}

std::size_t KmlStyles::added_bytes(std::span<const std::size_t> rows) const {
    std::size_t bytes = 0;
    if (!empty())
        for (const auto row : rows) bytes += m_lines[m_row_style[row]].size();
    return bytes;
}

void KmlStyles::style(std::string_view placemarks, std::span<const std::size_t> rows,
                      const std::function<void(std::string_view)>& write, const std::string& path) const {
    if (empty()) return write(placemarks);
    constexpr std::string_view open = "<Placemark>", close = "</Placemark>";
    std::size_t done = 0;  // placemarks[0, done) are written
    std::size_t row = 0;
    for (auto start = placemarks.find(open); start != placemarks.npos; start = placemarks.find(open, start)) {
        const auto end = placemarks.find(close, start);
        const auto next_line = placemarks.find('\n', start);
        if (end == placemarks.npos || next_line == placemarks.npos || row == rows.size()) break;
        // KML orders a placemark's children: name and description, then styleUrl, then
        // ExtendedData and the geometry. The style goes on a line of its own before the
        // first line (after <Placemark>'s) that holds one of those or the placemark's end.
        const std::string_view body = placemarks.substr(next_line + 1, end - next_line - 1);
        std::size_t first = end - next_line - 1;
        for (const std::string_view child : {"<ExtendedData", "<Point"})
            first = std::min(first, body.find(child));
        const auto before = placemarks.rfind('\n', next_line + 1 + first) + 1;
        write(placemarks.substr(done, before - done));
        write(m_lines[m_row_style[rows[row++]]]);
        done = before;
        start = end + close.size();
    }
    if (row != rows.size() || placemarks.find(open, done) != placemarks.npos)
        throw OutputError(fmt::format("{}: cannot add the commodity styles ({} placemarks for {} features)", path,
                                      row, rows.size()));
    write(placemarks.substr(done));
}

} // namespace depmap::layers
