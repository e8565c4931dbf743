#include "geo/distance_matrix.hpp"

#include "base/progress.hpp"
#include "geo/geodesic.hpp"
#include "base/parallel.hpp"

#include <algorithm>

namespace depmap::geo {

std::vector<double> distance_matrix_m(std::span<const LonLat> from, std::span<const LonLat> to,
                                      unsigned threads) {
    const std::size_t rows = from.size();
    const std::size_t cols = to.size();
    std::vector<double> distances(rows * cols);
    if (distances.empty()) return distances;

    // Threads take a few whole rows at a time (no sharing, no locks), so that a core
    // the host slows down ends up with fewer rows rather than holding up the rest.
    constexpr std::size_t rows_per_task = 8;
    const std::size_t tasks = (rows + rows_per_task - 1) / rows_per_task;
    ProgressStep progress("distances", rows);
    for_each_task(tasks, threads == 0 ? threads_for(rows, 1) : threads, [&](std::size_t task) {
        for (std::size_t i = task * rows_per_task; i < std::min(rows, (task + 1) * rows_per_task); ++i) {
            double* row = distances.data() + i * cols;
            for (std::size_t j = 0; j < cols; ++j) row[j] = geodesic_distance_m(from[i], to[j]);
            progress.advance();
        }
    });
    return distances;
}

} // namespace depmap::geo
