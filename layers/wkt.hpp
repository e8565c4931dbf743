#pragma once
// Shapes as WKT, the geometry column of a CSV. Each coordinate is written in the
// shortest form that reads back as the same double: every digit held, as for the
// lon/lat columns of points. (GDAL's exportToWkt rounds to 15 significant digits and
// takes about 4 µs a coordinate: 1.6 s for a 10 km grid over Inner Mongolia.)
#include "geo/shape.hpp"

#include <fmt/format.h>

namespace depmap::layers {

// Appends the shape in GDAL's layout: "MULTIPOLYGON (((x y,x y,...)),(...))",
// "MULTILINESTRING ((x y,...))", "MULTIPOINT (x y,x y)", or "... EMPTY".
void append_wkt(fmt::memory_buffer& out, const geo::Shape& shape);

} // namespace depmap::layers
