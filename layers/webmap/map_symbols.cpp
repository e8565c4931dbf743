#include "layers/webmap/map_symbols.hpp"

#include "base/error.hpp"
#include "base/parameter.hpp"
#include "layers/model/commodities.hpp"
#include "layers/style/grid_classes.hpp"
#include "layers/style/layer_symbols.hpp"
#include "layers/style/palette.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace depmap::layers {

namespace {

double pixels(double mm) { return std::round(mm * 96 / 25.4 * 10) / 10; }

MapSymbol marker(std::string label, Rgb fill, std::string_view shape, int pass) {
    const MarkerStyle style;  // the QGIS style's size and outline
    MapSymbol symbol;
    symbol.label = std::move(label);
    symbol.shape = shape;
    symbol.fill = fill;
    symbol.stroke = style.stroke;
    symbol.stroke_px = pixels(style.stroke_mm);
    symbol.size_px = pixels(style.size_mm);
    symbol.pass = pass;
    return symbol;
}

MapSymbol area(std::string label, const FillStyle& style) {
    MapSymbol symbol;
    symbol.label = std::move(label);
    symbol.fill = style.fill;
    symbol.fill_opacity = style.fill_opacity;
    symbol.stroke = style.stroke;
    symbol.stroke_px = pixels(style.stroke_mm);
    return symbol;
}

StyleKind resolve(const Layer& layer, StyleKind kind) {
    if (!layer.has_geometry())
        throw ArgumentError(fmt::format("{}: a table without geometry cannot be drawn on a map; write it "
                                        "as CSV or JSON", layer.source));
    const bool polygons = layer.kind == GeometryKind::Polygon;
    if ((kind == StyleKind::Areas || kind == StyleKind::Outlines || kind == StyleKind::Grid) && polygons) return kind;
    if (kind == StyleKind::Points && layer.kind == GeometryKind::Point) return kind;
    if (kind == StyleKind::Lines && layer.kind == GeometryKind::Line) return kind;
    return layer.kind == GeometryKind::Point ? StyleKind::Points
           : layer.kind == GeometryKind::Line ? StyleKind::Lines
                                              : StyleKind::Areas;
}

// Features by primary commodity, in the colour table's order, then (none listed),
// then other; only the categories some feature falls in.
void by_commodity(const Layer& layer, std::size_t field, MapSymbols& out) {
    const auto& column = layer.columns[field];
    const auto table = commodity_colours();
    const auto rank = [&](const CommodityColour* c) {
        if (c == &no_commodity_colour()) return table.size();
        if (c == &other_commodity_colour()) return table.size() + 1;
        return static_cast<std::size_t>(c - table.data());
    };
    std::vector<const CommodityColour*> of_row(layer.size());
    std::map<std::size_t, const CommodityColour*> used;
    std::set<std::string> others;
    for (std::size_t row = 0; row < layer.size(); ++row) {
        const auto list = column.is_null(row) ? std::string() : column.to_text(row);
        of_row[row] = &primary_commodity_colour(list);
        used.emplace(rank(of_row[row]), of_row[row]);
        if (of_row[row] == &other_commodity_colour()) others.insert(primary_commodity(list));
    }
    std::map<const CommodityColour*, std::uint32_t> index;
    for (const auto& [order, c] : used) {
        std::string label(c->commodity);
        if (c == &other_commodity_colour() && !others.empty()) {
            constexpr std::size_t shown = 5;
            const auto end = std::next(others.begin(), static_cast<long>(std::min(shown, others.size())));
            label += fmt::format(": {}", fmt::join(others.begin(), end, ", "));
            if (others.size() > shown) label += fmt::format(" and {} more", others.size() - shown);
        }
        index[c] = static_cast<std::uint32_t>(out.symbols.size());
        if (out.kind == StyleKind::Points) {
            // Coal's hundreds of mines and the fallbacks under the rarer commodities.
            const bool background = c->commodity == "Coal" || c == &other_commodity_colour() ||
                                    c == &no_commodity_colour();
            out.symbols.push_back(marker(label, c->colour, c->marker, background ? 0 : 1));
        } else {
            out.symbols.push_back(area(label, palette::commodity_fill(*c)));
        }
    }
    out.feature_symbol.reserve(layer.size());
    for (const auto* c : of_row) out.feature_symbol.push_back(index.at(c));
}

void by_classes(const Layer& layer, const std::string& field_name, MapSymbols& out) {
    const auto field = layer.field_index(field_name);
    if (!field || layer.fields[*field].type == FieldType::String)
        throw ArgumentError(fmt::format("grid field {}: {} has no numeric field of that name", field_name,
                                        layer.source));
    const auto graduated = graduated_fills(layer.columns[*field]);
    for (std::size_t i = 0; i < graduated.classes.size(); ++i)
        out.symbols.push_back(area(graduated.classes[i].label, graduated.fills[i]));
    for (const auto c : graduated.row_class) out.feature_symbol.push_back(static_cast<std::uint32_t>(c));
}

// Each marker's diameter on the QGIS style's size scale of `field`.
void sized(const Layer& layer, const std::string& field, MapSymbols& out) {
    if (out.kind != StyleKind::Points)
        throw ArgumentError(fmt::format("{} {}: sizes apply to a point layer, not {}", parameter("size_by"), field,
                                        layer.source));
    const auto scale = size_scale(layer, field);
    const auto& column = layer.columns[*layer.field_index(field)];
    out.feature_size_px.reserve(layer.size());
    for (std::size_t row = 0; row < layer.size(); ++row) {
        std::optional<double> value;
        if (!column.is_null(row))
            value = column.type() == FieldType::Integer ? static_cast<double>(column.integer(row)) : column.real(row);
        out.feature_size_px.push_back(pixels(scaled_size_mm(scale, value)));
    }
}

} // namespace

MapSymbols map_symbols(const Layer& layer, const StyleOptions& style, const std::string& title) {
    MapSymbols out;
    out.kind = resolve(layer, style.kind);
    const auto commodities = commodity_field(layer);
    if (out.kind == StyleKind::Grid) by_classes(layer, style.grid_field, out);
    else if (commodities && (out.kind == StyleKind::Points || out.kind == StyleKind::Areas))
        by_commodity(layer, *commodities, out);
    else {
        switch (out.kind) {
        case StyleKind::Points: out.symbols.push_back(marker(title, palette::plain_marker, "circle", 0)); break;
        case StyleKind::Lines: {
            MapSymbol line;
            line.label = title;
            line.stroke = palette::area_outline;
            line.stroke_px = pixels(0.5);
            out.symbols.push_back(line);
            break;
        }
        case StyleKind::Outlines: out.symbols.push_back(area(title, palette::outlines())); break;
        default: out.symbols.push_back(area(title, palette::plain_area())); break;
        }
        out.feature_symbol.assign(layer.size(), 0);
    }
    if (!style.size_by.empty()) sized(layer, style.size_by, out);
    for (const auto symbol : out.feature_symbol) ++out.symbols[symbol].count;
    // The legend lists only what is drawn (a layer's one symbol stays, with no features).
    std::vector<std::uint32_t> renumber(out.symbols.size());
    std::vector<MapSymbol> kept;
    for (std::size_t s = 0; s < out.symbols.size(); ++s) {
        renumber[s] = static_cast<std::uint32_t>(kept.size());
        if (out.symbols[s].count > 0 || out.symbols.size() == 1) kept.push_back(out.symbols[s]);
    }
    for (auto& symbol : out.feature_symbol) symbol = renumber[symbol];
    out.symbols = std::move(kept);
    return out;
}

} // namespace depmap::layers
