#pragma once
// Distances between every point of one set and every point of another.
#include "geo/lonlat.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace depmap::geo {

// Row-major matrix: distance_m[i * to.size() + j] is the geodesic distance from
// from[i] to to[j]. Spread over `threads` threads (DEFAULT 0: one per core).
std::vector<double> distance_matrix_m(std::span<const LonLat> from, std::span<const LonLat> to,
                                      unsigned threads = 0);

} // namespace depmap::geo
