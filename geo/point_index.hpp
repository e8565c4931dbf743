#pragma once
// A spatial index of lon/lat points that answers radius and k-nearest queries whose
// answers are decided by exact geodesic distance on WGS84. A spherical screen over a
// Boost.Geometry R-tree (unit-sphere coordinates, chord distances; one entry per run of
// 16 points along a Hilbert curve) prunes candidates, with bounds wide enough for the
// ellipsoid and for the float vectors stored; Karney's inverse decides. Correct across
// the antimeridian and at the poles. About 32 bytes a point (its lon/lat and its float
// unit vector with its number), built in about a second per ten million on two cores.
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

    // Appends to `out` the index of every point within radius_m (<=) of the index's own
    // point `i`, `i` itself included, in no particular order (nothing when `i` is out of
    // range or invalid). A pair is decided by the exact distance measured from its lower
    // index to its higher, so j is found from i exactly when i is found from j: the
    // symmetric relation DBSCAN needs, even for a pair at exactly radius_m. Only points
    // near the circle are measured; neither distances nor azimuths are returned.
    void neighbours_of(std::size_t i, double radius_m, std::vector<std::size_t>& out) const;

    // The point `i` as the index was built from; i < size().
    LonLat point(std::size_t i) const;

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
