#include "layers/kml_styles.hpp"

#include "geo/error.hpp"
#include "layers/commodities.hpp"
#include "layers/commodity_colours.hpp"

#include <fmt/format.h>

#include <fstream>
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

void add_kml_styles(const std::filesystem::path& kml, const Layer& layer, const std::string& path) {
    const auto field = commodity_field(layer);
    if (!field || !layer.is_points()) return;
    std::map<std::string, Rgb> styles;
    for (std::size_t row = 0; row < layer.size(); ++row) {
        const auto& entry = colour_of(layer, *field, row);
        styles.emplace(style_id(entry.commodity), entry.colour);
    }
    std::string shared;
    for (const auto& [id, colour] : styles)
        shared += fmt::format("<Style id=\"{}\"><IconStyle><color>{}</color><Icon><href>"
                              "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png</href>"
                              "</Icon></IconStyle></Style>\n", id, kml_colour(colour));

    auto styled = kml;
    styled += ".styled";
    {
        std::ifstream in(kml, std::ios::binary);
        std::ofstream out(styled, std::ios::binary);
        std::string line;
        std::size_t row = 0;
        bool document = false, pending = false;
        while (std::getline(in, line)) {
            // KML orders a placemark's children: name and description, then styleUrl,
            // then ExtendedData and the geometry.
            if (pending && (line.find("<ExtendedData") != std::string::npos || line.find("<Point") != std::string::npos ||
                            line.find("</Placemark>") != std::string::npos)) {
                out << "\t<styleUrl>#" << style_id(colour_of(layer, *field, row++).commodity) << "</styleUrl>\n";
                pending = false;
            }
            out << line << '\n';
            if (!document && line.find("<Document") != std::string::npos) {
                out << shared;
                document = true;
            }
            pending |= line.find("<Placemark>") != std::string::npos;
        }
        out.close();
        if (!in.eof() || !out || row != layer.size())
            throw OutputError(fmt::format("{}: cannot add the commodity styles ({} of {} placemarks)", path,
                                          row, layer.size()));
    }
    std::filesystem::rename(styled, kml);
}

} // namespace depmap::layers
