#pragma once
// Geodesic buffers of points, one per point or dissolved into one multipolygon. The
// circle itself, and the rule that bounds its error as drawn, are in geo/geodesic_buffer.hpp.
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"
#include "layers/model/layer.hpp"

#include <span>
#include <vector>

namespace depmap::layers {

// The finest tolerance accepted: twice the most a vertex moves when it is rounded to
// geo::shape_decimals (7 decimals, at most 8 mm), which every format writes exactly.
inline constexpr double min_tolerance_m = 0.02;

// Throw ArgumentError for a radius not above 0, a tolerance below min_tolerance_m.
void check_buffer_radius(double radius_m);
void check_buffer_tolerance(double tolerance_m);

struct BufferOptions {
    double radius_m = 0.0;     // ellipsoidal distance from each centre; > 0
    double tolerance_m = 1.0;  // largest error of any boundary point, as drawn; at least
                               // min_tolerance_m. DEFAULT: 1 m
};

// One circle per centre, in the centres' order. Throws ArgumentError for a radius that
// is not positive or a tolerance below min_tolerance_m, InputError for a circle around a pole or across the
// antimeridian.
std::vector<geo::Polygon> buffers(std::span<const geo::LonLat> centres, const BufferOptions& options);

// The union of the centres' circles (GEOS through OGR): overlapping circles merge into
// one polygon. Empty for no centres. Errors as buffers().
geo::MultiPolygon dissolved_buffers(std::span<const geo::LonLat> centres, const BufferOptions& options);

// A buffer layer of a point layer: each feature's circle with its attributes and
// `area_km2` (geodesic area of the polygon) or, with `dissolve`, one feature with
// `count` (the points buffered) and `area_km2`. Throws InputError for a layer that is
// not of points.
Layer buffer_layer(const Layer& points, const BufferOptions& options, bool dissolve);

} // namespace depmap::layers
