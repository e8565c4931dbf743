#include "geo/distance_matrix.hpp"

#include "geo/geodesic.hpp"
#include "geo/parallel.hpp"

#include <algorithm>

namespace depmap::geo {

std::vector<double> distance_matrix_m(std::span<const LonLat> from, std::span<const LonLat> to,
                                      unsigned threads) {
    const std::size_t rows = from.size();
    const std::size_t cols = to.size();
    std::vector<double> distances(rows * cols);
    if (distances.empty()) return distances;

    // Each part is whole rows of its own: no sharing, no locks.
    for_each_range(rows, threads == 0 ? threads_for(rows, 1) : threads, [&](std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i) {
            double* row = distances.data() + i * cols;
            for (std::size_t j = 0; j < cols; ++j) row[j] = geodesic_distance_m(from[i], to[j]);
        }
    });
    return distances;
}

} // namespace depmap::geo
