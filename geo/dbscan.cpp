#include "geo/dbscan.hpp"

#include "base/progress.hpp"
#include "base/error.hpp"
#include "geo/geodesic.hpp"
#include "base/memory_budget.hpp"
#include "base/parallel.hpp"
#include "base/union_find.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace depmap::geo {

namespace {

// Points per unit of work handed to a thread: small enough to balance dense and sparse
// parts of the data, large enough that the hand-out costs nothing.
constexpr std::size_t chunk_points = 2048;

// The neighbours of every point, chunk by chunk so threads fill them without locks.
// Stored as 32-bit indices: the lists are most of DBSCAN's memory (a million points with
// a hundred neighbours each).
class NeighbourLists {
public:
    // Their size is known only as they are found: past the memory available (half of
    // it, for the copies as they grow), LimitError says so rather than the system
    // killing the process.
    NeighbourLists(const PointIndex& index, double eps_m, unsigned threads)
        : m_chunks((index.size() + chunk_points - 1) / chunk_points) {
        if (index.size() > std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("DBSCAN takes at most 2^32 - 1 points");
        const double budget = static_cast<double>(available_memory_bytes()) / 2;
        std::atomic<std::uint64_t> total{0};
        const std::size_t wanted = threads != 0 ? threads : threads_for(m_chunks.size(), 1);
        ProgressStep progress("clustering", index.size());
        for_each_task(m_chunks.size(), wanted, [&](std::size_t c) {
            Chunk& chunk = m_chunks[c];
            std::vector<std::size_t> found;
            const std::size_t end = std::min(index.size(), (c + 1) * chunk_points);
            for (std::size_t i = c * chunk_points; i < end; ++i) {
                found.clear();
                index.neighbours_of(i, eps_m, found);
                if (const auto pairs = total += found.size(); 4.0 * static_cast<double>(pairs) > budget)
                    throw LimitError(fmt::format(
                        "clustering at {} {:g} m finds more than {} neighbour pairs ({}), past half of the {} "
                        "available; take a smaller {}, or fewer features ({})",
                        parameter("eps_m"), eps_m, pairs, human_bytes(4.0 * static_cast<double>(pairs)),
                        human_bytes(2 * budget), parameter("eps_m"), parameter("where")));
                chunk.indices.insert(chunk.indices.end(), found.begin(), found.end());
                chunk.ends.push_back(chunk.indices.size());
            }
            chunk.indices.shrink_to_fit();
            progress.advance(end - c * chunk_points);
        });
    }

    std::span<const std::uint32_t> of(std::size_t i) const {
        const Chunk& chunk = m_chunks[i / chunk_points];
        const std::size_t k = i % chunk_points;
        const std::size_t begin = k == 0 ? 0 : chunk.ends[k - 1];
        return {chunk.indices.data() + begin, chunk.ends[k] - begin};
    }

private:
    struct Chunk {
        std::vector<std::uint32_t> indices;
        std::vector<std::size_t> ends;  // one per point of the chunk
    };
    std::vector<Chunk> m_chunks;
};

} // namespace

DbscanResult dbscan(std::span<const LonLat> points, const DbscanOptions& options) {
    return dbscan(PointIndex(points), options);
}

DbscanResult dbscan(const PointIndex& index, const DbscanOptions& options) {
    if (!(options.eps_m >= 0.0)) throw std::invalid_argument("DBSCAN needs eps_m >= 0");
    if (options.min_points == 0) throw std::invalid_argument("DBSCAN needs min_points >= 1");
    const std::size_t n = index.size();
    const NeighbourLists neighbours(index, options.eps_m, options.threads);

    DbscanResult result;
    result.core.resize(n);
    for (std::size_t i = 0; i < n; ++i) result.core[i] = neighbours.of(i).size() >= options.min_points;

    // Clusters of core points: the connected parts of the neighbour graph among them.
    UnionFind sets(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!result.core[i]) continue;
        for (const std::size_t j : neighbours.of(i))
            if (j > i && result.core[j]) sets.unite(i, j);
    }

    // Each point's cluster as the root of its core point's set; none for noise.
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> root(n, none);
    for (std::size_t i = 0; i < n; ++i) {
        if (result.core[i]) {
            root[i] = sets.find(i);
            continue;
        }
        // A border point: its nearest core neighbour, ties by the lower index.
        std::size_t best = none;
        double best_m = 0.0;
        bool measured = false;  // most border points have one core neighbour: no distance needed
        for (const std::size_t j : neighbours.of(i)) {
            if (!result.core[j]) continue;
            if (best == none) {
                best = j;
                continue;
            }
            if (!measured) {
                best_m = geodesic_distance_m(index.point(std::min(i, best)), index.point(std::max(i, best)));
                measured = true;
            }
            const double d = geodesic_distance_m(index.point(std::min(i, j)), index.point(std::max(i, j)));
            if (d < best_m || (d == best_m && j < best)) {
                best = j;
                best_m = d;
            }
        }
        if (best != none) root[i] = sets.find(best);
    }

    // Number the clusters: largest first, then by lowest member index. A root is its
    // set's lowest core index, but a border point may be lower still.
    struct Tally {
        std::size_t size = 0;
        std::size_t lowest = none;
    };
    std::vector<Tally> tally(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (root[i] == none) continue;
        Tally& t = tally[root[i]];
        ++t.size;
        t.lowest = std::min(t.lowest, i);
    }
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < n; ++i)
        if (tally[i].size > 0) roots.push_back(i);
    std::sort(roots.begin(), roots.end(), [&](std::size_t a, std::size_t b) {
        return tally[a].size != tally[b].size ? tally[a].size > tally[b].size : tally[a].lowest < tally[b].lowest;
    });
    std::vector<std::int64_t> number(n, -1);
    for (std::size_t k = 0; k < roots.size(); ++k) {
        number[roots[k]] = static_cast<std::int64_t>(k);
        result.sizes.push_back(tally[roots[k]].size);
    }
    result.cluster.resize(n, -1);
    for (std::size_t i = 0; i < n; ++i)
        if (root[i] != none) result.cluster[i] = number[root[i]];
    return result;
}

} // namespace depmap::geo
