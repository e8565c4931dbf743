#pragma once
// Shapes as WKT, the geometry column of a CSV. Each coordinate is written in the
// shortest form that reads back as the same double: every digit held, as for the
// lon/lat columns of points. (GDAL's exportToWkt rounds to 15 significant digits and
// takes about 4 µs a coordinate: 1.6 s for a 10 km grid over Inner Mongolia.)
#include "geo/shape.hpp"

#include <fmt/format.h>

namespace depmap::layers {

// Which shapes are written as single geometries, as GDAL writes a layer's features
// (ogr_geometry.hpp's layer_geometry_type and to_ogr): in a layer of single parts every
// shape (empty ones too: "POLYGON EMPTY"); in a layer mixing kinds the one-part shapes;
// in a layer of multi parts none.
enum class WktParts { Multi, Single, SingleWherePossible };

// Appends the shape in GDAL's layout: "MULTIPOLYGON (((x y,x y,...)),(...))",
// "MULTILINESTRING ((x y,...))", "MULTIPOINT (x y,x y)", or "... EMPTY"; a one-part
// shape as "POLYGON ((x y,...))", "LINESTRING (x y,...)" or "POINT (x y)" unless
// `parts` is Multi.
void append_wkt(fmt::memory_buffer& out, const geo::Shape& shape, WktParts parts = WktParts::Multi);

} // namespace depmap::layers
