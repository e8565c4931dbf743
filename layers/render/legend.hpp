#pragma once
// What a map's legend lists: for each layer drawn, its commodity categories present
// (in the colour table's order) with how many features each symbol stands for, or the
// layer itself with its count when it has no commodity field.
#include "layers/model/geometry_kind.hpp"
#include "layers/model/layer.hpp"
#include "layers/style/commodity_colours.hpp"
#include "layers/style/qgis_symbols.hpp"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace depmap::layers {

struct LegendEntry {
    std::string label;
    std::size_t count = 0;
    GeometryKind kind = GeometryKind::Point;
    Rgb colour;
    std::string_view shape = "circle";
    std::optional<FillStyle> fill;  // an area's own fill (graduated classes); DEFAULT: the colour's translucent one
    bool heading = false;           // a line of text only: what the classes below it class
};

// With `class_by`, the first layer (polygons) by the graduated classes of that field
// (layers/style/grid_classes.hpp): a heading naming the field, then each class present
// with its range.
std::vector<LegendEntry> legend_entries(std::span<const Layer> layers, const std::string& class_by = "");

// How a layer is named on a map: its name in the source, else the file's name.
std::string layer_title(const Layer& layer);

} // namespace depmap::layers
