#pragma once
// Convex and concave hulls of points, computed in metres in a local equal-area
// projection and returned in lon/lat.
//
// The points are projected with geo::LocalProjection (Lambert azimuthal equal-area)
// centred on their geocentric mean (geo::geocentric_mean); GEOS (through OGR) takes the convex hull, or the
// concave hull of the given ratio. The hull is then grown by 1 m (hull_margin_m) and
// its edges, straight in the projection, are densified until the straight lon/lat
// segments GIS tools draw between vertices stray less than a quarter of that margin
// from them. So the polygon as drawn contains every point strictly, also the points on
// the hull's boundary, and one or two distinct points or collinear points give a small
// valid polygon (a disc or a strip 2 m wide) rather than none.
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"
#include "layers/model/layer.hpp"

#include <span>
#include <string>

namespace depmap::layers {

// How far the hull is grown beyond the outermost points.
inline constexpr double hull_margin_m = 1.0;

// Throws ArgumentError for a concave ratio outside (0, 1].
void check_concave_ratio(double ratio);

struct HullOptions {
    double concave_ratio = 1.0;  // 1: convex; (0,1): concave (GEOS ratio: smaller hugs
                                 // the points more closely). DEFAULT: 1
};

// The hull of `points` as one polygon (empty for no points). Throws ArgumentError for a
// ratio outside (0, 1], InputError for a hull around a pole or across the antimeridian.
geo::MultiPolygon hull_of(std::span<const geo::LonLat> points, const HullOptions& options = {});

// The hull layer of a point layer: one feature with `count` and `area_km2`, or with
// `group_by` one per value of that field (first column, the field's name), a commodity
// list field putting a site under every commodity it lists; features with no value
// form a group of their own. No features for an empty layer. A group of one point, or of
// points in a line, gets its small polygon and a line in the layer's notes saying so.
// Throws ArgumentError for an unknown group field, InputError for a layer that is not of
// points.
Layer hull_layer(const Layer& points, const HullOptions& options, const std::string& group_by = {});

} // namespace depmap::layers
