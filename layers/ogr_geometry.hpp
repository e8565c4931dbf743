#pragma once
// OGR geometries to depmap's lon/lat shapes.
#include "geo/shape.hpp"

#include <ogr_geometry.h>

#include <memory>
#include <string>

namespace depmap::layers {

// Points, lines and polygons (single, multi, and collections of one kind); curves are
// linearised. Anything else (mixed collections, TINs) throws std::invalid_argument
// naming what it is; callers add the file and feature.
geo::Shape to_shape(const OGRGeometry& geometry);

// The shape as an OGR geometry (MultiPoint, MultiLineString or MultiPolygon).
std::unique_ptr<OGRGeometry> to_ogr(const geo::Shape& shape);

// The geometry type name as users know it: "Point", "MultiPolygon", ...
std::string geometry_type_name(const OGRGeometry& geometry);

} // namespace depmap::layers
