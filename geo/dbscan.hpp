#pragma once
// DBSCAN over lon/lat points with eps in metres of exact geodesic distance on WGS84.
//
// The rules, which the tests' brute-force reference implements independently:
//  - Two points are neighbours when their geodesic distance, measured from the lower
//    index to the higher, is <= eps_m (a pair at exactly eps_m are neighbours). Every
//    point is its own neighbour.
//  - A core point has at least min_points neighbours, itself included (as PostGIS's
//    ST_ClusterDBSCAN and scikit-learn count).
//  - Core points that are neighbours share a cluster (transitively).
//  - A border point (not core, with a core neighbour) joins the cluster of its nearest
//    core neighbour; at equal distance, the core neighbour with the lower index. So the
//    answer does not depend on the order points are visited in (plain DBSCAN gives a
//    border point to whichever cluster reaches it first).
//  - Every other point is noise, cluster -1; so is a point with a non-finite coordinate
//    or |latitude| > 90.
//  - Clusters are numbered from 0 by size, largest first; equal sizes by their lowest
//    member index.
#include "geo/lonlat.hpp"
#include "geo/point_index.hpp"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace depmap::geo {

struct DbscanOptions {
    double eps_m = 0.0;          // neighbourhood radius in metres; must be >= 0
    std::size_t min_points = 3;  // neighbours, the point itself included, of a core point;
                                 // must be >= 1. DEFAULT: 3
    unsigned threads = 0;        // threads for the neighbour queries. DEFAULT: 0, every core
};

struct DbscanResult {
    std::vector<std::int64_t> cluster;  // per point: its cluster number, or -1 for noise
    std::vector<std::uint8_t> core;     // per point: 1 for a core point
    std::vector<std::size_t> sizes;     // per cluster number: how many points it holds
};

// DBSCAN of `points`. Throws std::invalid_argument for eps_m < 0 (or NaN) or
// min_points == 0, std::length_error for more than 2^32 - 1 points.
DbscanResult dbscan(std::span<const LonLat> points, const DbscanOptions& options);

// The same over an index already built from exactly these points.
DbscanResult dbscan(const PointIndex& index, const DbscanOptions& options);

} // namespace depmap::geo
