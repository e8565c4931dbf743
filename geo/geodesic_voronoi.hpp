#pragma once
// Geodesic Voronoi cells on WGS84: the region nearer (by exact geodesic distance) to each
// site than to any other, as lon/lat polygons with straight edges, as GIS draws them.
//
// How: every cell is star-shaped from its site along geodesics (along a geodesic leaving
// site i, t - min_j d(P(t), j) never decreases, by the triangle inequality), so it is cast
// as rays from the site. Each ray's end is the first point where another site is as near,
// found by root finding on t - d(P(t), j) with Karney's geodesics. Rays start every degree
// and towards every other site; a pair of rays is split again while the border between
// them belongs to two different neighbours (so cell corners are found to within
// tolerance_m / 10), or while the straight lon/lat edge between their ends strays more
// than tolerance_m from the true border at its quarter points, measured along the ray
// through each of those points (an upper bound on the distance to the border).
#include "geo/lonlat.hpp"
#include "geo/shape.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace depmap::geo {

struct VoronoiOptions {
    // How far a drawn border may stray from the true geodesic bisector, in metres.
    // DEFAULT: 10 m.
    double tolerance_m = 10.0;
    // Cells end at this geodesic distance from their site (where no other site is
    // nearer): the caller clips them to a region lying well inside it. Must be > 0 and at
    // most 9,000 km (beyond that lon/lat polygons would wrap). REQUIRED.
    double reach_m = 0.0;
};

// One polygon per site (exterior counter-clockwise, closed). Sites must be distinct
// (throws std::invalid_argument otherwise) and at latitudes within (-90, 90); a cell that
// would cross the antimeridian or a pole throws std::invalid_argument.
std::vector<Polygon> geodesic_voronoi_cells(std::span<const LonLat> sites, const VoronoiOptions& options);

// The cell of site `i` alone (the same checks): cells may then each have their own reach.
Polygon geodesic_voronoi_cell(std::span<const LonLat> sites, std::size_t i, const VoronoiOptions& options);

// The geodesic distance from site `i` along azimuth `azimuth_deg` to its cell's border,
// capped at reach_m: the quantity the polygons are built from, for tests.
double distance_to_border_m(std::span<const LonLat> sites, std::size_t i, double azimuth_deg, double reach_m);

} // namespace depmap::geo
