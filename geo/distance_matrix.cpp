#include "geo/distance_matrix.hpp"

#include "geo/geodesic.hpp"

#include <algorithm>
#include <thread>

namespace depmap::geo {

std::vector<double> distance_matrix_m(std::span<const LonLat> from, std::span<const LonLat> to,
                                      unsigned threads) {
    const std::size_t rows = from.size();
    const std::size_t cols = to.size();
    std::vector<double> distances(rows * cols);
    if (distances.empty()) return distances;

    // hardware_concurrency() may answer 0 when it cannot tell.
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(threads, rows);

    // Each worker writes its own block of whole rows: no sharing, no locks.
    auto fill_rows = [&](std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i) {
            double* row = distances.data() + i * cols;
            for (std::size_t j = 0; j < cols; ++j) row[j] = geodesic_distance_m(from[i], to[j]);
        }
    };
    // Blocks differ by at most one row.
    auto block_start = [&](std::size_t k) { return rows * k / workers; };

    {
        std::vector<std::jthread> pool;
        pool.reserve(workers - 1);
        for (std::size_t k = 1; k < workers; ++k)
            pool.emplace_back(fill_rows, block_start(k), block_start(k + 1));
        // The calling thread takes the first block instead of waiting idle.
        fill_rows(block_start(0), block_start(1));
    } // jthreads join here
    return distances;
}

} // namespace depmap::geo
