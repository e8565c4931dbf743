#pragma once
// What each feature of a layer looks like, whoever draws it: the QGIS styles
// (qgis_style.hpp) and depmap's own maps (layers/render/) take their categories, markers
// and sizes from here and their colours from palette.hpp, so a map and a QGIS project of
// one layer agree.
#include "layers/model/layer.hpp"
#include "layers/style/commodity_colours.hpp"
#include "layers/style/qgis_symbols.hpp"

#include <optional>
#include <string>
#include <vector>

namespace depmap::layers {

// One class of a layer categorised by primary commodity.
struct Category {
    std::string value;  // the primary commodity as the layer spells it; "" for the catch-all
    std::string label;
    const CommodityColour* colour;
};

// One category per primary commodity present in `column` (a commodity list), in the
// order of the colour table, then "(none listed)" when present, then the catch-all
// (value "") for anything else, labelled with up to five of the commodities it holds.
std::vector<Category> commodity_categories(const Column& column);


// The marker of a commodity category: its colour and shape; coal's hundreds of mines
// and the fallbacks in the bottom pass, the rarer commodities on top.
MarkerStyle category_marker(const CommodityColour& colour);

// The size scale of markers on a numeric field (`size_by`), from its smallest to largest
// value. Throws ArgumentError when the field is missing or holds text.
SizeScale size_scale(const Layer& layer, const std::string& size_by);
// The marker diameter of `value` on `scale` (QGIS's Flannery size scale); the smallest
// size for a missing value.
double scaled_size_mm(const SizeScale& scale, std::optional<double> value);

// The field's index, which must exist and hold numbers; `what` names the setting.
// Throws ArgumentError listing the numeric fields.
std::size_t numeric_field(const Layer& layer, const std::string& name, std::string_view what);

} // namespace depmap::layers
