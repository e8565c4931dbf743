// DBSCAN benchmark on the shared synthetic data (see bench/run): the 100,000 points,
// eps 10 km, min_points 3, timed with and without building the index, on one core and
// on all; the core flags of a sample checked against a scan of every point.
#include "geo/dbscan.hpp"
#include "geo/geodesic.hpp"
#include "geo/point_index.hpp"
#include "layers/read/read.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

using namespace depmap;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Neighbours of point i by a scan of all points, the exact distance deciding (lower
// index first). A haversine screen on a sphere of the ellipsoid's smallest radius of
// curvature, a(1 - e²), never exceeds the geodesic distance, so it only skips points
// certainly farther than eps (with a margin for rounding).
std::size_t scanned_neighbours(const std::vector<geo::LonLat>& p, std::size_t i, double eps_m) {
    constexpr double deg = std::numbers::pi / 180.0;
    constexpr double smallest_radius_m = 6335439.327;
    std::size_t count = 0;
    for (std::size_t j = 0; j < p.size(); ++j) {
        const double sin_dlat = std::sin((p[j].lat_deg - p[i].lat_deg) * deg / 2);
        const double sin_dlon = std::sin((p[j].lon_deg - p[i].lon_deg) * deg / 2);
        const double h = sin_dlat * sin_dlat +
                         std::cos(p[i].lat_deg * deg) * std::cos(p[j].lat_deg * deg) * sin_dlon * sin_dlon;
        const double sphere_m = 2.0 * smallest_radius_m * std::asin(std::min(1.0, std::sqrt(h)));
        if (sphere_m > eps_m * 1.001) continue;
        if (geo::geodesic_distance_m(p[std::min(i, j)], p[std::max(i, j)]) <= eps_m) ++count;
    }
    return count;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: depmap_cluster_bench DATA_DIR (made by ../shared/bench-peers/gen.py)\n");
        return 2;
    }
    const auto layer = layers::read_layer(std::string(argv[1]) + "/points_100000.csv");
    const double eps_m = 10000.0;
    const std::size_t min_points = 3;
    bool ok = layer.size() == 100000;

    geo::DbscanResult result;
    for (const unsigned threads : {1U, 0U}) {
        geo::DbscanOptions options;
        options.eps_m = eps_m;
        options.min_points = min_points;
        options.threads = threads;
        auto start = Clock::now();
        const geo::PointIndex index(layer.points);
        const double index_s = seconds_since(start);
        start = Clock::now();
        auto clusters = geo::dbscan(index, options);
        const double dbscan_s = seconds_since(start);
        const auto noise = std::count(clusters.cluster.begin(), clusters.cluster.end(), -1);
        fmt::print("{:<48} {:8.3f} s  (target < 2.00 s)  {} clusters, {} noise, largest {}\n",
                   fmt::format("DBSCAN 100k, eps 10 km, min 3, {}", threads == 1 ? "one core" : "all cores"),
                   index_s + dbscan_s, clusters.sizes.size(), noise,
                   clusters.sizes.empty() ? 0 : clusters.sizes.front());
        fmt::print("{:<48} {:8.3f} s\n", "  of which building the index", index_s);
        if (threads == 0) ok &= clusters.cluster == result.cluster;
        result = std::move(clusters);
    }

    // Core flags of every 500th point against a scan of all 100,000.
    std::size_t checked = 0;
    std::size_t agree = 0;
    for (std::size_t i = 0; i < layer.size(); i += 500, ++checked)
        agree += (scanned_neighbours(layer.points, i, eps_m) >= min_points) == (result.core[i] != 0);
    fmt::print("{:<48} {} of {} agree  {}\n", "core flags of a sample vs a scan of all points", agree, checked,
               agree == checked && ok ? "correct" : "WRONG");
    return agree == checked && ok ? 0 : 1;
}
