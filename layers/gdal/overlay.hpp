#pragma once
// Polygon overlay of lon/lat shapes through GEOS (reached through OGR): dissolving many
// polygons into one, cutting one by another, and GEOS's validity test. Coordinates are
// treated as planar, as GIS tools treat EPSG:4326 polygons.
#include "geo/shape.hpp"

#include <span>

namespace depmap::layers {

// The union of all the polygons (invalid ones repaired with GEOS MakeValid first).
geo::MultiPolygon union_of(std::span<const geo::MultiPolygon> polygons);

// The polygonal part of a ∩ b: the lines and points where they only touch are dropped;
// empty when they do not overlap.
geo::MultiPolygon intersection(const geo::MultiPolygon& a, const geo::MultiPolygon& b);

// GEOS's IsValid (OGC simple features validity).
bool is_valid(const geo::MultiPolygon& polygons);

} // namespace depmap::layers
