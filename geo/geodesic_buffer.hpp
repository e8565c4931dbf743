#pragma once
// A geodesic circle on WGS84 (the buffer of a point) as a lon/lat polygon.
//
// The tolerance holds for the polygon as GIS tools draw it: GDAL, GEOS and QGIS join
// vertices with straight lon/lat segments, so it is those segments, not only the
// vertices, that must stay near the circle. The rule:
//   - every vertex lies half the tolerance outside the circle (geodesic direct problem,
//     exact to nanometres), so the edges sag across it and the boundary straddles it;
//   - the vertices start evenly spaced in azimuth, as many as a plane circle of that
//     radius needs for its chords to sag less than 1.5 tolerances;
//   - each straight lon/lat edge is sampled at 1/4, 1/2 and 3/4 of its length, each
//     sample's distance from the centre measured by the geodesic inverse; an edge with a
//     sample more than the tolerance from the radius is split at its middle azimuth, and
//     both halves are checked again, until every edge passes.
// The distance from the centre along a short edge varies smoothly with one extreme near
// its middle, so the three samples bound the whole edge.
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"

namespace depmap::geo {

struct GeodesicCircleOptions {
    double radius_m = 0.0;     // ellipsoidal distance from the centre; > 0
    double tolerance_m = 1.0;  // largest error of any boundary point; > 0. DEFAULT: 1 m
    // >= 0: vertices rounded to these decimals (geo/decimals.hpp) before their edges
    // are checked, so the tolerance holds for the rounded polygon; it must then exceed
    // twice the rounding (2 cm at 7 decimals). DEFAULT: -1, not rounded.
    int vertex_decimals = -1;
};

// The circle around `centre`: one closed counter-clockwise ring, no holes.
// Throws std::invalid_argument for a radius or tolerance that is not a positive number,
// and InputError (base/error.hpp) for a circle that contains a pole or crosses the
// antimeridian: depmap does not split polygons there, and a lon/lat ring of either
// would be drawn as garbage.
Polygon geodesic_circle(LonLat centre, const GeodesicCircleOptions& options);

} // namespace depmap::geo
