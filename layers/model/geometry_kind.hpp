#pragma once
// Whether a layer draws as points, lines or polygons: what a map style depends on.
#include "layers/model/layer.hpp"

#include <string_view>

namespace depmap::layers {

enum class GeometryKind { None, Point, Line, Polygon };

// From the layer's geometry type, else from its first shape; a layer of plain points
// (or no features and no type) is Point, a table without geometry None.
GeometryKind geometry_kind(const Layer& layer);

std::string_view to_string(GeometryKind kind);

} // namespace depmap::layers
