#pragma once
// What a map's legend lists: for each layer drawn, its commodity categories present
// (in the colour table's order) with how many features each symbol stands for, or the
// layer itself with its count when it has no commodity field.
#include "layers/model/geometry_kind.hpp"
#include "layers/model/layer.hpp"
#include "layers/style/commodity_colours.hpp"

#include <cstddef>
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
};

std::vector<LegendEntry> legend_entries(std::span<const Layer> layers);

// How a layer is named on a map: its name in the source, else the file's name.
std::string layer_title(const Layer& layer);

} // namespace depmap::layers
