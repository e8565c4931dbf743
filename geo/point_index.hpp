#pragma once
// A spatial index of lon/lat points that answers radius and k-nearest queries whose
// answers are decided by exact geodesic distance on WGS84. A spherical screen over a
// Boost.Geometry R-tree (unit-sphere coordinates, chord distances) prunes candidates,
// with bounds wide enough for the ellipsoid; Karney's inverse decides. Correct across
// the antimeridian and at the poles.
#include "geo/lonlat.hpp"

#include <cstddef>
#include <limits>
#include <memory>
#include <span>
#include <vector>

namespace depmap::geo {

struct Neighbour {
    std::size_t index = 0;     // into the points the index was built from
    double distance_m = 0.0;   // exact geodesic distance from the query point
    double azimuth_deg = 0.0;  // from the query point, clockwise from north, (-180, 180]
};

class PointIndex {
public:
    // Builds the index over `points` (copied; the caller's array may go away). Points
    // with a non-finite coordinate or |latitude| > 90 count in size() but are never found,
    // and a query centre like that finds nothing.
    explicit PointIndex(std::span<const LonLat> points);
    ~PointIndex();
    PointIndex(PointIndex&&) noexcept;
    PointIndex& operator=(PointIndex&&) noexcept;

    std::size_t size() const;

    // Every point whose geodesic distance from `center` is <= radius_m, nearest first,
    // ties by index.
    std::vector<Neighbour> within(LonLat center, double radius_m) const;

    // How many points are within radius_m (<=), deciding only the points near the
    // circle with the exact distance: the fast path for counts.
    std::size_t count_within(LonLat center, double radius_m) const;

    // The k nearest points by exact geodesic distance, nearest first, ties broken by
    // index (so the answer is deterministic), limited to those within max_distance_m.
    // Fewer than k when the index holds fewer.
    std::vector<Neighbour> nearest(LonLat center, std::size_t k,
                                   double max_distance_m = std::numeric_limits<double>::infinity()) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace depmap::geo
