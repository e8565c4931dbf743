#include "geo/dbscan.hpp"

#include <catch2/catch.hpp>
#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <queue>
#include <random>
#include <stdexcept>
#include <vector>

using depmap::geo::dbscan;
using depmap::geo::DbscanOptions;
using depmap::geo::DbscanResult;
using depmap::geo::LonLat;

namespace {

// PROJ itself, not the library's wrappers.
const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, 6378137.0, 1.0 / 298.257223563);
        return init;
    }();
    return g;
}

double distance_m(LonLat a, LonLat b) {
    double s = 0.0;
    geod_inverse(&wgs84(), a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, &s, nullptr, nullptr);
    return s;
}

LonLat direct(LonLat from, double azimuth_deg, double s_m) {
    LonLat to;
    geod_direct(&wgs84(), from.lat_deg, from.lon_deg, azimuth_deg, s_m, &to.lat_deg, &to.lon_deg, nullptr);
    return to;
}

bool valid(LonLat p) {
    return std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg) && std::abs(p.lat_deg) <= 90.0;
}

using Distances = std::vector<std::vector<double>>;

// Every pair measured, lower index first; infinite for an invalid point.
Distances all_distances(const std::vector<LonLat>& p) {
    const std::size_t n = p.size();
    Distances d(n, std::vector<double>(n, std::numeric_limits<double>::infinity()));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i; j < n; ++j)
            if (valid(p[i]) && valid(p[j])) d[i][j] = d[j][i] = distance_m(p[i], p[j]);
    return d;
}

// The documented rules, straight from the definitions: all pairs' distances, clusters
// grown breadth-first from core points, no index.
DbscanResult brute_force(const Distances& d, double eps_m, std::size_t min_points) {
    const std::size_t n = d.size();
    const auto near = [&](std::size_t i, std::size_t j) { return d[i][j] <= eps_m; };

    DbscanResult r;
    r.core.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t count = 0;
        for (std::size_t j = 0; j < n; ++j) count += near(i, j);
        r.core[i] = count >= min_points;
    }
    std::vector<std::int64_t> label(n, -1);
    std::int64_t labels = 0;
    for (std::size_t s = 0; s < n; ++s) {
        if (!r.core[s] || label[s] >= 0) continue;
        std::queue<std::size_t> todo;
        todo.push(s);
        label[s] = labels;
        while (!todo.empty()) {
            const std::size_t i = todo.front();
            todo.pop();
            for (std::size_t j = 0; j < n; ++j)
                if (r.core[j] && label[j] < 0 && near(i, j)) {
                    label[j] = labels;
                    todo.push(j);
                }
        }
        ++labels;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (r.core[i]) continue;
        std::size_t best = n;
        for (std::size_t j = 0; j < n; ++j)
            if (r.core[j] && near(i, j) && (best == n || d[i][j] < d[i][best])) best = j;  // ties: lower j kept
        if (best < n) label[i] = label[best];
    }
    std::vector<std::size_t> size(labels), lowest(labels, n);
    for (std::size_t i = 0; i < n; ++i)
        if (label[i] >= 0) {
            ++size[label[i]];
            lowest[label[i]] = std::min(lowest[label[i]], i);
        }
    std::vector<std::int64_t> order(labels);
    for (std::int64_t k = 0; k < labels; ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
        return size[a] != size[b] ? size[a] > size[b] : lowest[a] < lowest[b];
    });
    std::vector<std::int64_t> renumber(labels);
    for (std::size_t k = 0; k < order.size(); ++k) {
        renumber[order[k]] = static_cast<std::int64_t>(k);
        r.sizes.push_back(size[order[k]]);
    }
    r.cluster.assign(n, -1);
    for (std::size_t i = 0; i < n; ++i)
        if (label[i] >= 0) r.cluster[i] = renumber[label[i]];
    return r;
}

void require_same(const DbscanResult& got, const DbscanResult& want) {
    REQUIRE(got.core == want.core);
    REQUIRE(got.sizes == want.sizes);
    REQUIRE(got.cluster == want.cluster);
}

DbscanResult brute_force(const std::vector<LonLat>& p, double eps_m, std::size_t min_points) {
    return brute_force(all_distances(p), eps_m, min_points);
}

DbscanResult run(const std::vector<LonLat>& points, double eps_m, std::size_t min_points, unsigned threads = 0) {
    DbscanOptions options;
    options.eps_m = eps_m;
    options.min_points = min_points;
    options.threads = threads;
    return dbscan(points, options);
}

// Gaussian blobs (some close enough to touch) over uniform scatter, near `origin`.
std::vector<LonLat> random_fixture(std::uint32_t seed, std::size_t n, LonLat origin) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> spread(-1.0, 1.0);
    std::normal_distribution<double> blob(0.0, 0.08);
    std::vector<LonLat> centres;
    for (int c = 0; c < 6; ++c) centres.push_back({origin.lon_deg + spread(random), origin.lat_deg + spread(random)});
    std::vector<LonLat> points;
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 3 == 0) {
            points.push_back({origin.lon_deg + spread(random), origin.lat_deg + spread(random)});
        } else {
            const LonLat& c = centres[i % centres.size()];
            points.push_back({c.lon_deg + blob(random), c.lat_deg + blob(random)});
        }
    }
    return points;
}

} // namespace

TEST_CASE("dbscan: a line of three at exactly eps, min_points counting the point itself") {
    const LonLat a{110.0, 42.0};
    const LonLat b = direct(a, 90.0, 10000.0);
    const LonLat c = direct(b, 90.0, 9000.0);
    const std::vector<LonLat> points{a, b, c};
    const double eps = distance_m(a, b);  // the longer pair
    // b has three neighbours (a, itself, c): core; a and c are border points.
    auto r = run(points, eps, 3);
    CHECK(r.cluster == std::vector<std::int64_t>{0, 0, 0});
    CHECK(r.core == std::vector<std::uint8_t>{0, 1, 0});
    CHECK(r.sizes == std::vector<std::size_t>{3});
    CHECK(run(points, eps, 4).cluster == std::vector<std::int64_t>{-1, -1, -1});
    // A millimetre short of the longer pair: that end falls out.
    CHECK(run(points, eps - 0.001, 2).cluster == std::vector<std::int64_t>{-1, 0, 0});
    CHECK(run(points, eps - 0.001, 3).cluster == std::vector<std::int64_t>{-1, -1, -1});
    // min_points 1: every point is a cluster of its own when eps is 0.
    CHECK(run(points, 0.0, 1).cluster == std::vector<std::int64_t>{0, 1, 2});
}

TEST_CASE("dbscan: a border point between two clusters joins the nearer core, ties the lower index") {
    // Two tight groups of four on the equator, from lon 0.1 and -0.1 outwards; a point
    // near lon 0 reaches the innermost point of each group (and nothing else), so it is
    // a border point of both.
    const double eps = distance_m({0.0, 0.0}, {0.1005, 0.0});
    std::vector<LonLat> points{{0.0, 0.0}};
    for (const double side : {-1.0, 1.0})
        for (const double dlon : {0.1, 0.105, 0.11, 0.115}) points.push_back({side * dlon, 0.0});
    auto r = run(points, eps, 4);
    require_same(r, brute_force(points, eps, 4));
    CHECK(r.core[0] == 0);
    CHECK(r.core[1] == 1);
    CHECK(r.core[5] == 1);
    // Symmetric: at equal distance, the core with the lower index (point 1, the west group).
    if (distance_m(points[0], points[1]) == distance_m(points[0], points[5])) CHECK(r.cluster[0] == r.cluster[1]);
    CHECK(r.cluster[0] == 0);
    CHECK(r.sizes == std::vector<std::size_t>{5, 4});
    // A little east: the east group's core is nearer.
    points[0] = {0.0002, 0.0};
    r = run(points, eps, 4);
    require_same(r, brute_force(points, eps, 4));
    CHECK(r.cluster[0] == r.cluster[5]);
    CHECK(r.cluster[0] != r.cluster[1]);
    // The east cluster is now the larger one, so it is number 0.
    CHECK(r.cluster[0] == 0);
    CHECK(r.sizes == std::vector<std::size_t>{5, 4});
    // Equal sizes: the cluster holding the lowest index comes first.
    points.push_back({-0.12, 0.0});
    r = run(points, eps, 4);
    require_same(r, brute_force(points, eps, 4));
    CHECK(r.sizes == std::vector<std::size_t>{5, 5});
    CHECK(r.cluster[0] == 0);
    CHECK(r.cluster[1] == 1);
}

TEST_CASE("dbscan equals a brute-force DBSCAN on random fixtures") {
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        const LonLat origin = seed % 4 == 0 ? LonLat{179.5, -30.0}   // across the antimeridian
                            : seed % 4 == 1 ? LonLat{110.0, 45.0}
                            : seed % 4 == 2 ? LonLat{0.0, 88.5}      // near the pole
                                            : LonLat{-60.0, 0.0};
        const auto points = random_fixture(seed, 300 + 20 * seed, origin);
        const auto distances = all_distances(points);
        for (const double eps : {3000.0, 8000.0, 15000.0})
            for (const std::size_t min_points : {1U, 2U, 3U, 5U, 8U}) {
                INFO("seed " << seed << ", eps " << eps << ", min_points " << min_points);
                require_same(run(points, eps, min_points), brute_force(distances, eps, min_points));
            }
    }
}

TEST_CASE("dbscan: eps exactly at a pair's distance makes them neighbours") {
    const auto points = random_fixture(99, 250, {111.0, 43.0});
    const auto distances = all_distances(points);
    std::mt19937 random(7);
    std::uniform_int_distribution<std::size_t> pick(0, points.size() - 1);
    for (int trial = 0; trial < 20; ++trial) {
        std::size_t i = pick(random), j = pick(random);
        if (i == j) continue;
        if (i > j) std::swap(i, j);
        const double eps = distance_m(points[i], points[j]);
        INFO("pair " << i << ", " << j << " at " << eps << " m");
        const auto r = run(points, eps, 2);
        require_same(r, brute_force(distances, eps, 2));
        // With min_points 2 both ends of a pair at distance eps are core, in one cluster.
        CHECK(r.cluster[i] >= 0);
        CHECK(r.cluster[i] == r.cluster[j]);
        const double below = std::nextafter(eps, 0.0);
        CHECK(run(points, below, 2).cluster == brute_force(distances, below, 2).cluster);
    }
}

TEST_CASE("dbscan: duplicates, invalid coordinates, threads, empty input and bad options", "[parallel]") {
    std::vector<LonLat> points{{110.0, 40.0}, {110.0, 40.0}, {std::nan(""), 40.0}, {110.0, 95.0}, {110.0, 40.0}};
    auto r = run(points, 0.0, 3);
    CHECK(r.cluster == std::vector<std::int64_t>{0, 0, -1, -1, 0});
    require_same(r, brute_force(points, 0.0, 3));
    const auto many = random_fixture(5, 6000, {115.0, 44.0});
    require_same(run(many, 10000.0, 4, 1), run(many, 10000.0, 4, 2));
    CHECK(run({}, 1000.0, 3).cluster.empty());
    CHECK_THROWS_AS(run(points, -1.0, 3), std::invalid_argument);
    CHECK_THROWS_AS(run(points, std::nan(""), 3), std::invalid_argument);
    CHECK_THROWS_AS(run(points, 10.0, 0), std::invalid_argument);
}
