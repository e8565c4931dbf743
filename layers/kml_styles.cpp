#include "layers/kml_styles.hpp"

#include "geo/error.hpp"
#include "geo/parallel.hpp"
#include "layers/commodities.hpp"
#include "layers/commodity_colours.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <string_view>
#include <vector>
#include <map>

namespace depmap::layers {

namespace {

const CommodityColour& colour_of(const Layer& layer, std::size_t field, std::size_t row) {
    const auto& column = layer.columns[field];
    const auto primary = column.is_null(row) ? std::string() : primary_commodity(column.text(row));
    if (primary.empty()) return no_commodity_colour();
    const auto* entry = find_commodity_colour(primary);
    return entry ? *entry : other_commodity_colour();
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
    geo::for_each_range(layer.size(), geo::threads_for(layer.size(), 10000), [&](std::size_t begin, std::size_t end) {
        for (std::size_t row = begin; row < end; ++row) colours[row] = &colour_of(layer, *field, row);
    });
    // The vocabulary's entries are few and fixed: a style each, in id order.
    std::map<std::string, const CommodityColour*> used;
    for (const auto* colour : colours) used.emplace(style_id(colour->commodity), colour);
    std::map<const CommodityColour*, std::uint8_t> number;
    for (const auto& [id, colour] : used) {
        number[colour] = static_cast<std::uint8_t>(m_ids.size());
        m_ids.push_back(id);
        m_shared += fmt::format("<Style id=\"{}\"><IconStyle><color>{}</color><Icon><href>"
                                "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href>"
                                "</Icon></IconStyle></Style>\n", id, kml_colour(colour->colour));
    }
    m_row_style.reserve(colours.size());
    for (const auto* colour : colours) m_row_style.push_back(number.at(colour));
}

void add_kml_styles(const std::filesystem::path& kml, const KmlStyles& styles, std::span<const std::size_t> rows,
                    const std::string& path) {
    if (styles.empty()) return;
    auto styled = kml;
    styled += ".styled";
    {
        std::ifstream in(kml, std::ios::binary);
        std::ofstream out(styled, std::ios::binary);
        fmt::memory_buffer written;
        std::size_t row = 0;
        bool document = false, pending = false;
        const auto has = [](std::string_view line, std::string_view what) { return line.find(what) != line.npos; };
        const auto on_line = [&](std::string_view line) {
            // KML orders a placemark's children: name and description, then styleUrl,
            // then ExtendedData and the geometry.
            if (pending && (has(line, "<ExtendedData") || has(line, "<Point") || has(line, "</Placemark>"))) {
                if (row < rows.size())
                    fmt::format_to(std::back_inserter(written), "\t<styleUrl>#{}</styleUrl>\n", styles.id(rows[row]));
                ++row;
                pending = false;
            }
            written.append(line);
            written.push_back('\n');
            if (!document && has(line, "<Document")) {
                written.append(styles.shared());
                document = true;
            }
            pending |= has(line, "<Placemark>");
            if (written.size() > (4U << 20)) {
                out.write(written.data(), static_cast<std::streamsize>(written.size()));
                written.clear();
            }
        };
        // Read in large blocks: a million placemarks are ten million lines.
        std::vector<char> block(4U << 20);
        std::string carry;
        while (in) {
            in.read(block.data(), static_cast<std::streamsize>(block.size()));
            std::string_view chunk(block.data(), static_cast<std::size_t>(in.gcount()));
            for (auto eol = chunk.find('\n'); eol != chunk.npos; eol = chunk.find('\n')) {
                if (carry.empty()) {
                    on_line(chunk.substr(0, eol));
                } else {
                    carry.append(chunk.substr(0, eol));
                    on_line(carry);
                    carry.clear();
                }
                chunk.remove_prefix(eol + 1);
            }
            carry.append(chunk);
        }
        if (!carry.empty()) on_line(carry);
        out.write(written.data(), static_cast<std::streamsize>(written.size()));
        out.close();
        if (!in.eof() || !out || row != rows.size())
            throw OutputError(fmt::format("{}: cannot add the commodity styles ({} of {} placemarks)", path,
                                          row, rows.size()));
    }
    std::filesystem::rename(styled, kml);
}

} // namespace depmap::layers
