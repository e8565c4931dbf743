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

// A layer as far as a map shows it: the rows inside the frame, or every row.
struct ShownLayer {
    const Layer* layer = nullptr;
    std::optional<std::vector<std::size_t>> rows;  // none: every row
    std::size_t size() const { return rows ? rows->size() : layer->size(); }
    std::size_t row(std::size_t i) const { return rows ? (*rows)[i] : i; }
};

// With `class_by`, the first layer (polygons) by the graduated classes of that field
// (layers/style/grid_classes.hpp): a heading naming the field, then each class present
// with its range.
std::vector<LegendEntry> legend_entries(std::span<const ShownLayer> layers, const std::string& class_by = "");
// Every row of each layer.
std::vector<LegendEntry> legend_entries(std::span<const Layer> layers, const std::string& class_by = "");

// Each row's primary_commodity_colour(), each distinct text of the column read once.
std::vector<const CommodityColour*> primary_colours(const Column& column);

// How a layer is named on a map: its name in the source, else the file's name.
std::string layer_title(const Layer& layer);

} // namespace depmap::layers
