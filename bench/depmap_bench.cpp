// depmap's query benchmark on the shared synthetic data (see bench/run): load and index
// the 1M points, the radius, kNN, matrix and region workloads, each timed alone and
// checked against the answers every tool must agree on.
#include "geo/distance_matrix.hpp"
#include "geo/grid.hpp"
#include "base/parallel.hpp"
#include "geo/point_index.hpp"
#include "geo/polygon_index.hpp"
#include "layers/derive/density_grid.hpp"
#include "layers/read/read.hpp"
#include "layers/query/regions.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

using namespace depmap;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

bool report(const std::string& what, double seconds, double target, const std::string& answer, bool correct) {
    fmt::print("{:<48} {:8.3f} s  (target < {:.2f} s)  {}  {}\n", what, seconds, target, answer,
               correct ? "correct" : "WRONG");
    return correct;
}

} // namespace

// The per-query costs at one size (bench/scale): load, index, 1,000 radius counts of
// 50 km and 10,000 k=5 nearest, one line "load_s index_s radius_s matches knn_s knn_sum_m".
int scale(const std::string& dir, const std::string& n) {
    auto start = Clock::now();
    const auto points = layers::read_layer(dir + "/points_" + n + ".csv");
    const double load_s = seconds_since(start);
    start = Clock::now();
    const geo::PointIndex index(points.points);
    const double index_s = seconds_since(start);
    const auto radius_queries = layers::read_layer(dir + "/queries_1000.csv");
    start = Clock::now();
    std::size_t matches = 0;
    for (const auto& q : radius_queries.points) matches += index.count_within(q, 50000.0);
    const double radius_s = seconds_since(start);
    const auto knn_queries = layers::read_layer(dir + "/queries_10000.csv");
    start = Clock::now();
    double knn_sum = 0;
    for (const auto& q : knn_queries.points)
        for (const auto& found : index.nearest(q, 5)) knn_sum += found.distance_m;
    fmt::print("{:.3f} {:.3f} {:.3f} {} {:.3f} {:.1f}\n", load_s, index_s, radius_s, matches, seconds_since(start), knn_sum);
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[2]) == "--scale") return scale(argv[1], argv[3]);
    if (argc != 2) {
        std::fprintf(stderr, "usage: depmap_bench DATA_DIR [--scale N] (made by ../shared/bench-peers/gen.py)\n");
        return 2;
    }
    const std::string dir = argv[1];
    bool ok = true;

    auto start = Clock::now();
    const auto points = layers::read_layer(dir + "/points_1000000.csv");
    const double load_s = seconds_since(start);
    start = Clock::now();
    const geo::PointIndex index(points.points);
    const double index_s = seconds_since(start);
    ok &= report("load 1M CSV", load_s, 0.35, fmt::format("{} points", points.size()), points.size() == 1000000);
    ok &= report("build the index", index_s, 0.40, "", true);
    ok &= report("load + index", load_s + index_s, 0.60, "", true);

    const auto radius_queries = layers::read_layer(dir + "/queries_1000.csv");
    start = Clock::now();
    std::size_t matches = 0;
    for (const auto& q : radius_queries.points) matches += index.count_within(q, 50000.0);
    ok &= report("1,000 radius counts of 50 km", seconds_since(start), 0.25,
                 fmt::format("{} matches", matches), matches == 1983103);

    start = Clock::now();
    std::vector<std::size_t> found(radius_queries.size());
    std::vector<double> summed(radius_queries.size());
    // As `near --from` asks: each thread takes the next query (their match counts vary).
    depmap::for_each_task(radius_queries.size(), depmap::threads_for(radius_queries.size(), 1), [&](std::size_t q) {
        const auto hits = index.within(radius_queries.points[q], 50000.0);
        found[q] = hits.size();
        for (const auto& h : hits) summed[q] += h.distance_m;
    });
    const auto all_matches = std::accumulate(found.begin(), found.end(), std::size_t{0});
    ok &= report("1,000 radius queries, every match with distance", seconds_since(start), 1.6,
                 fmt::format("{} matches", all_matches), all_matches == 1983103);

    const auto knn_queries = layers::read_layer(dir + "/queries_10000.csv");
    start = Clock::now();
    double knn_sum = 0;
    for (const auto& q : knn_queries.points)
        for (const auto& n : index.nearest(q, 5)) knn_sum += n.distance_m;
    ok &= report("10,000 k=5 nearest", seconds_since(start), 0.30, fmt::format("sum {:.1f} m", knn_sum),
                 std::abs(knn_sum - 102484432.0) < 0.05);

    const auto small = layers::read_layer(dir + "/points_10000.csv");
    const std::span<const geo::LonLat> rows(small.points.data(), 2000);
    const std::span<const geo::LonLat> columns(knn_queries.points.data(), 2000);
    start = Clock::now();
    const auto matrix = geo::distance_matrix_m(rows, columns);
    const double matrix_sum = std::accumulate(matrix.begin(), matrix.end(), 0.0);
    ok &= report("2,000 x 2,000 distance matrix", seconds_since(start), 3.0,
                 fmt::format("sum {:.1f} m", matrix_sum), std::abs(matrix_sum - 4125080380683.9) < 1.0);

    // A 4 x 3 grid of lon/lat cells over the box, as the peers' E workload.
    std::vector<geo::MultiPolygon> cells;
    const double lon0 = 97.2, lon1 = 126.0, lat0 = 37.4, lat1 = 53.3;
    for (int j = 0; j < 3; ++j)
        for (int i = 0; i < 4; ++i)
            cells.push_back(layers::box_polygon({lon0 + (lon1 - lon0) * i / 4, lat0 + (lat1 - lat0) * j / 3,
                                                 lon0 + (lon1 - lon0) * (i + 1) / 4, lat0 + (lat1 - lat0) * (j + 1) / 3}));
    start = Clock::now();
    const geo::PolygonIndex grid(cells);
    const auto where = grid.locate_all(points.points);
    std::vector<std::size_t> counts(cells.size());
    for (const auto& w : where)
        if (w) ++counts[*w];
    const std::vector<std::size_t> expected{90194, 85081, 76316, 81098, 94555, 91970,
                                            77404, 84405, 76261, 90215, 69552, 82949};
    ok &= report("region counts, 1M points in 12 cells", seconds_since(start), 0.20,
                 fmt::format("{}", fmt::join(counts, " ")), counts == expected);

    // depmap grid --cell 10km over the points' extent (the Inner Mongolia box): every
    // point counted once, cell polygons for the non-empty cells included.
    start = Clock::now();
    layers::DensityGridOptions grid_options;
    grid_options.grid = {10000.0, geo::CellShape::Square};
    const auto density = layers::density_grid(points, grid_options);
    const double grid_s = seconds_since(start);
    std::int64_t counted = 0;
    for (std::size_t row = 0; row < density.size(); ++row) counted += density.columns[1].integer(row);
    ok &= report("10 km grid, 1M points", grid_s, 2.0,
                 fmt::format("{} cells, {} counted", density.size(), counted), counted == 1000000);
    ok &= report("10 km grid, 1M points, CSV load included", load_s + grid_s, 2.0, "", true);
    return ok ? 0 : 1;
}
