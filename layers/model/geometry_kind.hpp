#pragma once
// Whether a layer holds points, lines, polygons or no geometry: set where the layer is
// made (a reader, a query, a derived layer), and what a writer's geometry type and a
// map style depend on.
#include <string_view>

namespace depmap::layers {

// A layer mixing kinds is of the latest in this order (points and lines: Line).
enum class GeometryKind { None, Point, Line, Polygon };

std::string_view to_string(GeometryKind kind);

} // namespace depmap::layers
