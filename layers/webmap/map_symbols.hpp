#pragma once
// How each feature of a layer is drawn on an HTML map, and the legend that says so: the
// categories, colours and markers of the layer's QGIS style (qgis_style.hpp), from the
// same tables (commodity_colours.hpp, palette.hpp), so a web map and a QGIS project of
// one layer agree.
#include "layers/model/layer.hpp"
#include "layers/style/commodity_colours.hpp"
#include "layers/style/qgis_style.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

// One legend entry: what it stands for, how many features it draws, and how.
struct MapSymbol {
    std::string label;
    std::size_t count = 0;
    std::string_view shape;      // markers: circle, square, triangle, diamond; "" otherwise
    std::optional<Rgb> fill;     // none: not filled
    double fill_opacity = 1;
    std::optional<Rgb> stroke;   // none: no outline
    double stroke_px = 1;        // at 96 pixels to the inch, as the QGIS style's millimetres
    double size_px = 0;          // markers' diameter
    int pass = 0;                // markers of a higher pass are drawn over those of a lower one
};

struct MapSymbols {
    StyleKind kind = StyleKind::Points;   // never Automatic
    std::vector<MapSymbol> symbols;       // in legend order: only those some feature uses
    std::vector<std::uint32_t> feature_symbol;  // per feature, its index in symbols
    std::vector<double> feature_size_px;        // with style.size_by: per marker, its diameter
};

// The symbols of `layer` as its QGIS style with `style` would draw it: points (and areas)
// with a commodity field by their primary commodity, in the colour table's order, then
// "(none listed)", then "other" naming up to five of the commodities it stands for; a
// grid by classes of style.grid_field; anything else in one symbol labelled `title`.
// With style.size_by, each marker sized as the QGIS style sizes it (layer_symbols.hpp).
// A kind that does not fit the layer's geometry gives way to the geometry's own.
// Throws ArgumentError for a layer without geometry, a grid or size field that is missing
// or not numeric, or a size field for a layer not drawn as points.
MapSymbols map_symbols(const Layer& layer, const StyleOptions& style, const std::string& title);

} // namespace depmap::layers
