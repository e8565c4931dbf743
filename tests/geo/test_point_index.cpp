#include "geo/point_index.hpp"

#include "geo/geodesic.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <geodesic.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <numbers>
#include <random>
#include <string>
#include <thread>
#include <vector>

using depmap::geo::LonLat;
using depmap::geo::Neighbour;
using depmap::geo::PointIndex;

namespace {

constexpr double wgs84_a = 6378137.0;
constexpr double wgs84_f = 1.0 / 298.257223563;
constexpr double wgs84_e2 = wgs84_f * (2.0 - wgs84_f);
constexpr double wgs84_b = wgs84_a * (1.0 - wgs84_f);
constexpr double deg = std::numbers::pi / 180.0;
constexpr double infinity = std::numeric_limits<double>::infinity();

// The reference is PROJ itself, independent of the library's geodesic wrappers.
const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic init{};
        geod_init(&init, wgs84_a, wgs84_f);
        return init;
    }();
    return g;
}

// Centre first, as the index measures.
double exact_m(LonLat from, LonLat to) {
    double s = 0.0;
    geod_inverse(&wgs84(), from.lat_deg, from.lon_deg, to.lat_deg, to.lon_deg, &s, nullptr, nullptr);
    return s;
}

LonLat direct(LonLat from, double azimuth_deg, double distance_m) {
    LonLat to;
    geod_direct(&wgs84(), from.lat_deg, from.lon_deg, azimuth_deg, distance_m, &to.lat_deg, &to.lon_deg,
                nullptr);
    return to;
}

bool valid(LonLat p) {
    return std::isfinite(p.lon_deg) && std::isfinite(p.lat_deg) && std::abs(p.lat_deg) <= 90.0;
}

bool nearer(const Neighbour& a, const Neighbour& b) {
    return a.distance_m < b.distance_m || (a.distance_m == b.distance_m && a.index < b.index);
}

// Every valid point with its exact distance from the centre, nearest first, ties by index.
std::vector<Neighbour> all_by_distance(const std::vector<LonLat>& points, LonLat centre) {
    std::vector<Neighbour> all;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (valid(points[i])) all.push_back({i, exact_m(centre, points[i])});
    std::sort(all.begin(), all.end(), nearer);
    return all;
}

std::vector<Neighbour> brute_within(const std::vector<Neighbour>& sorted, double radius_m) {
    std::vector<Neighbour> out;
    for (const auto& n : sorted)
        if (n.distance_m <= radius_m) out.push_back(n);
    return out;
}

std::vector<Neighbour> brute_nearest(const std::vector<Neighbour>& sorted, std::size_t k,
                                     double max_distance_m) {
    std::vector<Neighbour> out = brute_within(sorted, max_distance_m);
    if (out.size() > k) out.resize(k);
    return out;
}

// Empty when equal (same indices, same order, bit-identical distances), else the first
// difference, so a failure says what went wrong without one assertion per element.
std::string difference(const std::vector<Neighbour>& got, const std::vector<Neighbour>& want) {
    const std::size_t n = std::min(got.size(), want.size());
    for (std::size_t i = 0; i < n; ++i)
        if (got[i].index != want[i].index || got[i].distance_m != want[i].distance_m)
            return fmt::format("at {}: got #{} {:.9f} m, want #{} {:.9f} m", i, got[i].index,
                               got[i].distance_m, want[i].index, want[i].distance_m);
    if (got.size() != want.size())
        return fmt::format("got {} results, want {}", got.size(), want.size());
    return {};
}

std::string describe(LonLat c) { return fmt::format("centre ({:.9f}, {:.9f})", c.lon_deg, c.lat_deg); }

class Random {
public:
    explicit Random(std::uint64_t seed) : m_engine(seed) {}
    double uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(m_engine); }
    std::size_t below(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_engine);
    }
    LonLat in_box(double lon0, double lon1, double lat0, double lat1) {
        return {uniform(lon0, lon1), uniform(lat0, lat1)};
    }
    // Uniform over the sphere's area.
    LonLat global() { return {uniform(-180.0, 180.0), std::asin(uniform(-1.0, 1.0)) / deg}; }

private:
    std::mt19937_64 m_engine;
};

LonLat inner_mongolia(Random& random) { return random.in_box(97.2, 126.0, 37.4, 53.3); }

// Checks within() and count_within() against brute force for every radius.
void check_radius_queries(const PointIndex& index, const std::vector<LonLat>& points, LonLat centre,
                          const std::vector<double>& radii) {
    const auto sorted = all_by_distance(points, centre);
    for (const double radius : radii) {
        INFO(describe(centre) << ", radius " << fmt::format("{:.9f}", radius) << " m");
        const auto want = brute_within(sorted, radius);
        const auto got = index.within(centre, radius);
        CHECK(difference(got, want) == "");
        CHECK(index.count_within(centre, radius) == want.size());
    }
}

void check_nearest_queries(const PointIndex& index, const std::vector<LonLat>& points, LonLat centre,
                           const std::vector<std::size_t>& ks, const std::vector<double>& max_distances) {
    const auto sorted = all_by_distance(points, centre);
    for (const std::size_t k : ks)
        for (const double max_distance : max_distances) {
            INFO(describe(centre) << ", k " << k << ", max " << max_distance << " m");
            const auto want = brute_nearest(sorted, k, max_distance);
            CHECK(difference(index.nearest(centre, k, max_distance), want) == "");
        }
}

std::vector<LonLat> with_duplicates(std::vector<LonLat> points, Random& random, std::size_t count) {
    const std::size_t n = points.size();
    for (std::size_t i = 0; i < count; ++i) points.push_back(points[random.below(n)]);
    // Scatter the copies so that ties are broken between unrelated indices.
    std::shuffle(points.begin(), points.end(), std::mt19937_64(count));
    return points;
}

// Points everywhere, plus clusters that straddle the antimeridian and surround both poles.
std::vector<LonLat> global_points(Random& random) {
    std::vector<LonLat> points;
    for (int i = 0; i < 1500; ++i) points.push_back(random.global());
    for (int i = 0; i < 500; ++i) {
        const double lon = random.uniform(179.0, 181.0);
        points.push_back({lon > 180.0 ? lon - 360.0 : lon, random.uniform(-40.0, 65.0)});
    }
    for (int i = 0; i < 400; ++i) points.push_back(random.in_box(-180.0, 180.0, 88.0, 90.0));
    for (int i = 0; i < 400; ++i) points.push_back(random.in_box(-180.0, 180.0, -90.0, -88.0));
    for (const double lon : {-180.0, -90.0, 0.0, 45.0, 180.0}) {
        points.push_back({lon, 90.0});
        points.push_back({lon, -90.0});
        points.push_back({lon, 0.0});
    }
    points.push_back({180.0, 10.0});
    points.push_back({-180.0, 10.0});
    return with_duplicates(std::move(points), random, 60);
}

std::vector<LonLat> global_centres(Random& random, const std::vector<LonLat>& points) {
    std::vector<LonLat> centres = {{0.0, 90.0},   {123.0, 90.0},  {0.0, -90.0},  {-77.0, -90.0},
                                   {180.0, 0.0},  {-180.0, 0.0},  {180.0, 10.0}, {179.999, 10.0},
                                   {-179.95, 45.0}, {0.0, 0.0},   {10.0, 89.99}, {-170.0, -89.5}};
    for (int i = 0; i < 12; ++i) centres.push_back(random.global());
    for (int i = 0; i < 6; ++i) centres.push_back(points[random.below(points.size())]);
    return centres;
}

} // namespace

TEST_CASE("point index: empty index and degenerate arguments", "[geo]") {
    const PointIndex empty(std::vector<LonLat>{});
    CHECK(empty.size() == 0);
    CHECK(empty.within({110.0, 45.0}, 1e7).empty());
    CHECK(empty.count_within({110.0, 45.0}, 1e7) == 0);
    CHECK(empty.nearest({110.0, 45.0}, 3).empty());

    const std::vector<LonLat> points = {{110.0, 45.0}, {111.0, 45.0}, {110.0, 46.0}};
    const PointIndex index(points);
    CHECK(index.size() == 3);
    CHECK(index.nearest({110.0, 45.0}, 0).empty());
    CHECK(index.within({110.0, 45.0}, -1.0).empty());
    CHECK(index.count_within({110.0, 45.0}, -1.0) == 0);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(index.within({110.0, 45.0}, nan).empty());
    CHECK(index.count_within({110.0, 45.0}, nan) == 0);
    CHECK(index.nearest({110.0, 45.0}, 3, -1.0).empty());
    CHECK(index.nearest({110.0, 45.0}, 3, nan).empty());
    CHECK(index.within({nan, 45.0}, 1e7).empty());
    CHECK(index.nearest({110.0, nan}, 3).empty());
    CHECK(index.count_within({110.0, 91.0}, 1e7) == 0);

    // An infinite radius takes everything.
    CHECK(index.within({110.0, 45.0}, infinity).size() == 3);
    CHECK(index.count_within({-70.0, -45.0}, infinity) == 3);
    const auto all = index.nearest({110.0, 45.0}, 10);
    REQUIRE(all.size() == 3);
    CHECK(index.nearest({110.0, 45.0}, std::numeric_limits<std::size_t>::max()).size() == 3);
    CHECK(all[0].index == 0);
    CHECK(all[0].distance_m == 0.0);
}

TEST_CASE("point index: points without a position are counted but never found", "[geo]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<LonLat> points = {{110.0, 45.0}, {nan, 45.0}, {110.0, infinity}, {110.0, 95.0},
                                        {110.1, 45.0}};
    const PointIndex index(points);
    CHECK(index.size() == 5);
    const auto all = index.nearest({110.0, 45.0}, 10);
    REQUIRE(all.size() == 2);
    CHECK(all[0].index == 0);
    CHECK(all[1].index == 4);
    CHECK(index.count_within({110.0, 45.0}, infinity) == 2);
    CHECK(index.within({0.0, 0.0}, 3e7).size() == 2);
}

TEST_CASE("point index: radius queries match brute force in the Inner Mongolia box", "[geo]") {
    Random random(20240611);
    std::vector<LonLat> base;
    for (int i = 0; i < 4000; ++i) base.push_back(inner_mongolia(random));
    const auto points = with_duplicates(std::move(base), random, 40);
    const PointIndex index(points);
    REQUIRE(index.size() == points.size());

    std::vector<LonLat> centres;
    for (int i = 0; i < 30; ++i) centres.push_back(random.in_box(95.0, 128.0, 36.0, 55.0));
    for (int i = 0; i < 10; ++i) centres.push_back(points[random.below(points.size())]);
    const std::vector<double> radii = {0.0, 1.0, 500.0, 20e3, 50e3, 150e3, 600e3};
    for (const auto& centre : centres) check_radius_queries(index, points, centre, radii);
}

TEST_CASE("point index: global, antimeridian and polar points match brute force", "[geo]") {
    Random random(7);
    const auto points = global_points(random);
    const PointIndex index(points);
    const std::vector<double> radii = {0.0,   1.0,   1e3,   100e3,     1000e3, 5000e3,
                                       15e6,  19.99e6, 20.0e6, 20.003e6, 1e8};
    for (const auto& centre : global_centres(random, points)) {
        check_radius_queries(index, points, centre, radii);
        check_nearest_queries(index, points, centre, {1, 5, 17}, {infinity, 300e3});
    }
}

TEST_CASE("point index: a point exactly at the radius is inside", "[geo]") {
    Random random(99);
    auto points = global_points(random);
    for (int i = 0; i < 1000; ++i) points.push_back(inner_mongolia(random));
    const PointIndex index(points);

    for (int trial = 0; trial < 60; ++trial) {
        const LonLat centre = trial < 30 ? points[random.below(points.size())] : random.global();
        const std::size_t target = random.below(points.size());
        const double radius = exact_m(centre, points[target]);
        INFO(describe(centre) << ", target #" << target << ", radius " << fmt::format("{:.9f}", radius));

        const auto found = index.within(centre, radius);
        CHECK(std::any_of(found.begin(), found.end(), [&](const Neighbour& n) {
            return n.index == target && n.distance_m == radius;
        }));
        const auto sorted = all_by_distance(points, centre);
        CHECK(index.count_within(centre, radius) == brute_within(sorted, radius).size());
        CHECK(difference(found, brute_within(sorted, radius)) == "");

        // The largest radius below it leaves the point out.
        const double below = std::nextafter(radius, 0.0);
        if (radius > 0.0) {
            const auto fewer = index.within(centre, below);
            CHECK(std::none_of(fewer.begin(), fewer.end(),
                               [&](const Neighbour& n) { return n.index == target; }));
            CHECK(index.count_within(centre, below) == brute_within(sorted, below).size());
        }
        // As the limit of nearest().
        CHECK(difference(index.nearest(centre, points.size(), radius), brute_within(sorted, radius)) == "");
    }

    // Nearby neighbours at tiny distances, exactly on the radius.
    for (const double distance : {1e-3, 1.0, 50e3}) {
        const LonLat centre{111.5, 44.25};
        const LonLat other = direct(centre, 33.0, distance);
        const PointIndex pair(std::vector<LonLat>{centre, other});
        const double radius = exact_m(centre, other);
        CHECK(pair.count_within(centre, radius) == 2);
        CHECK(pair.within(centre, radius).size() == 2);
        CHECK(pair.count_within(centre, std::nextafter(radius, 0.0)) == 1);
    }
}

TEST_CASE("point index: duplicates and radius zero", "[geo]") {
    const LonLat p{112.0, 42.0};
    const LonLat q{-179.9999, 89.9};
    std::vector<LonLat> points = {p, {112.001, 42.0}, q, p, {112.0, 42.001}, q, {-120.0, 10.0}, p, q};
    const PointIndex index(points);

    const auto at_p = index.within(p, 0.0);
    REQUIRE(at_p.size() == 3);
    CHECK(at_p[0].index == 0);
    CHECK(at_p[1].index == 3);
    CHECK(at_p[2].index == 7);
    for (const auto& n : at_p) CHECK(n.distance_m == 0.0);
    CHECK(index.count_within(p, 0.0) == 3);
    CHECK(index.count_within(q, 0.0) == 3);
    CHECK(index.count_within({112.0000001, 42.0}, 0.0) == 0);

    // Equal distances are ordered by index, whatever the k.
    const auto two = index.nearest(p, 2);
    REQUIRE(two.size() == 2);
    CHECK(two[0].index == 0);
    CHECK(two[1].index == 3);
    const auto five = index.nearest(p, 5);
    REQUIRE(five.size() == 5);
    CHECK(five[2].index == 7);
    const LonLat far{100.0, 30.0};
    const auto from_far = index.nearest(far, 3);
    REQUIRE(from_far.size() == 3);
    CHECK(from_far[0].index == 0);
    CHECK(from_far[1].index == 3);
    CHECK(from_far[2].index == 7);
    CHECK(index.nearest(q, 1, 0.0).front().index == 2);

    // Many copies of one point around a query: brute force agrees at every k.
    Random random(5);
    std::vector<LonLat> crowd;
    for (int i = 0; i < 200; ++i) crowd.push_back(i % 3 == 0 ? p : random.in_box(111.9, 112.1, 41.9, 42.1));
    const PointIndex crowd_index(crowd);
    check_nearest_queries(crowd_index, crowd, {112.05, 42.02}, {1, 5, 40, 67, 68, 69, 250}, {infinity, 5e3});
    check_radius_queries(crowd_index, crowd, p, {0.0, 100.0, 5e3});
}

TEST_CASE("point index: nearest matches brute force", "[geo]") {
    Random random(314159);
    std::vector<LonLat> base;
    for (int i = 0; i < 3000; ++i) base.push_back(inner_mongolia(random));
    const auto points = with_duplicates(std::move(base), random, 300);
    const PointIndex index(points);

    std::vector<LonLat> centres;
    for (int i = 0; i < 25; ++i) centres.push_back(random.in_box(90.0, 130.0, 35.0, 56.0));
    for (int i = 0; i < 10; ++i) centres.push_back(points[random.below(points.size())]);
    centres.push_back({-60.0, -40.0});  // far away: the whole index is the candidate set
    for (const auto& centre : centres) {
        const auto sorted = all_by_distance(points, centre);
        // A limit exactly at some point's distance keeps that point.
        const double at_point = sorted[std::min<std::size_t>(7, sorted.size() - 1)].distance_m;
        check_nearest_queries(index, points, centre, {1, 5, 17, 200, points.size(), points.size() + 10},
                              {infinity, 30e3, 0.0, at_point});
    }
}

TEST_CASE("point index: rings just inside and outside the radius", "[geo]") {
    // Points at r·(1 + f) around the centre in every direction. The spread of f covers
    // the screening band (the ellipsoid's radii of curvature differ by ~1%), so a bound
    // that were too tight on either side would misclassify some of them.
    const std::vector<double> offsets = {-2e-2, -1e-2, -5e-3, -3e-3, -1e-3, -1e-4, -1e-6, -1e-9, 0.0,
                                         1e-9,  1e-6,  1e-4,  1e-3,  3e-3,  5e-3,  1e-2,  2e-2};
    const std::vector<LonLat> centres = {{0.0, 0.0},    {110.0, 20.0},  {180.0, 45.0}, {-30.0, 70.0},
                                         {60.0, 89.5},  {0.0, 90.0},    {0.0, -90.0},  {-179.99, -60.0},
                                         {111.0, 37.4}, {126.0, 53.3}};
    for (const auto& centre : centres)
        for (const double radius : {1.0, 1e3, 50e3, 1000e3, 8000e3, 19000e3}) {
            std::vector<LonLat> ring;
            for (double azimuth = -180.0; azimuth < 180.0; azimuth += 7.5)
                for (const double f : offsets) ring.push_back(direct(centre, azimuth, radius * (1.0 + f)));
            const PointIndex index(ring);
            check_radius_queries(index, ring, centre, {radius});
            check_nearest_queries(index, ring, centre, {1, 24}, {infinity, radius});
        }
}

TEST_CASE("point index: screening bounds hold for random pairs", "[geo]") {
    // The index screens with the central angle σ between unit vectors built from
    // geodetic latitude and longitude. The sphere -> ellipsoid map stretches lengths by
    // between the radii of curvature M(lat) <= N(lat), both growing poleward, so for a
    // geodesic distance s from a centre at latitude φ:
    //   σ <= s / M(max(0, |φ| - s / M(0)))   (outer bound: prune beyond it)
    //   s <= σ · N(min(90°, |φ| + σ))         (inner bound: accept within it)
    // and globally M(0) = a(1-e²) <= s/σ <= N(90°) = a²/b.
    const auto meridional = [](double lat) {
        const double w2 = 1.0 - wgs84_e2 * std::sin(lat) * std::sin(lat);
        return wgs84_a * (1.0 - wgs84_e2) / (w2 * std::sqrt(w2));
    };
    const auto normal = [](double lat) {
        return wgs84_a / std::sqrt(1.0 - wgs84_e2 * std::sin(lat) * std::sin(lat));
    };
    const double m_equator = meridional(0.0);
    const double n_pole = normal(std::numbers::pi / 2.0);
    // In extended precision, so that rounding stays far below the bounds' own slack
    // even for centimetre lines (the index covers rounding with its margins).
    const auto central_angle = [](LonLat p, LonLat q) {
        const auto unit = [](LonLat x) {
            const long double lat = x.lat_deg * std::numbers::pi_v<long double> / 180.0L;
            const long double lon = x.lon_deg * std::numbers::pi_v<long double> / 180.0L;
            return std::array<long double, 3>{std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon),
                                              std::sin(lat)};
        };
        const auto u = unit(p);
        const auto v = unit(q);
        const long double cx = u[1] * v[2] - u[2] * v[1];
        const long double cy = u[2] * v[0] - u[0] * v[2];
        const long double cz = u[0] * v[1] - u[1] * v[0];
        return static_cast<double>(
            std::atan2(std::sqrt(cx * cx + cy * cy + cz * cz), u[0] * v[0] + u[1] * v[1] + u[2] * v[2]));
    };

    Random random(271828);
    double min_ratio = infinity;    // of s / σ, over lines of 1 m or more
    double max_ratio = 0.0;
    double outer_slack = infinity;  // smallest (s - σ·M) / s, over lines of 1 m or more
    double inner_slack = infinity;  // smallest (σ·N - s) / s
    std::size_t pairs = 0;
    std::size_t failures = 0;
    const auto check_pair = [&](LonLat p, LonLat q) {
        const double s = exact_m(p, q);
        const double sigma = central_angle(p, q);
        ++pairs;
        const double abs_lat = std::abs(p.lat_deg) * deg;
        const double outer = sigma * meridional(std::max(0.0, abs_lat - s / m_equator));
        const double inner = sigma * normal(std::min(std::numbers::pi / 2.0, abs_lat + sigma));
        // Far below the index's margins (1e-9 relative, ~6 µm absolute): the raw bounds
        // themselves must hold.
        const double tolerance = 1e-11 * s + 1e-9;
        if (outer > s + tolerance || s > inner + tolerance) {
            if (++failures <= 5)
                WARN(fmt::format("bound fails: ({}, {}) -> ({}, {}): s {} m, σ {}", p.lon_deg, p.lat_deg,
                                 q.lon_deg, q.lat_deg, s, sigma));
        }
        if (s >= 1.0) {
            outer_slack = std::min(outer_slack, (s - outer) / s);
            inner_slack = std::min(inner_slack, (inner - s) / s);
            min_ratio = std::min(min_ratio, s / sigma);
            max_ratio = std::max(max_ratio, s / sigma);
        }
    };

    for (int i = 0; i < 30000; ++i) check_pair(random.global(), random.global());
    // Short and medium lines, every direction and scale from 1 cm to 20,000 km.
    for (int i = 0; i < 60000; ++i) {
        const LonLat p = i % 4 == 0 ? random.in_box(-180.0, 180.0, -90.0, 90.0) : random.global();
        const double distance = std::pow(10.0, random.uniform(-2.0, 7.3));
        check_pair(p, direct(p, random.uniform(-180.0, 180.0), distance));
    }
    // Near the poles, across them, and along the equator and meridians.
    for (int i = 0; i < 20000; ++i) {
        const double sign = i % 2 == 0 ? 1.0 : -1.0;
        const LonLat p{random.uniform(-180.0, 180.0), sign * random.uniform(85.0, 90.0)};
        check_pair(p, LonLat{random.uniform(-180.0, 180.0), sign * random.uniform(80.0, 90.0)});
        check_pair(p, direct(p, random.uniform(-180.0, 180.0), std::pow(10.0, random.uniform(-2.0, 6.5))));
    }
    for (int i = 0; i < 10000; ++i) {
        const double lon = random.uniform(-180.0, 180.0);
        const double span = std::pow(10.0, random.uniform(-7.0, 2.25));
        check_pair({lon, random.uniform(-1e-3, 1e-3)}, {lon + span, random.uniform(-1e-3, 1e-3)});
        check_pair({lon, random.uniform(-90.0, 90.0)}, {lon, random.uniform(-90.0, 90.0)});
        check_pair({lon, 0.0}, {lon, std::min(90.0, span)});
    }
    // Nearly antipodal pairs, where geodesics leave the great circle the most.
    for (int i = 0; i < 10000; ++i) {
        const LonLat p = random.global();
        const LonLat antipode{p.lon_deg > 0.0 ? p.lon_deg - 180.0 : p.lon_deg + 180.0, -p.lat_deg};
        check_pair(p, {antipode.lon_deg + random.uniform(-2.0, 2.0),
                       std::clamp(antipode.lat_deg + random.uniform(-2.0, 2.0), -90.0, 90.0)});
    }

    INFO(fmt::format("{} pairs; s/σ in [{:.3f}, {:.3f}] m; tightest outer slack {:.3e}, inner slack {:.3e}",
                     pairs, min_ratio, max_ratio, outer_slack, inner_slack));
    CHECK(pairs > 150000);
    CHECK(failures == 0);
    CHECK(min_ratio >= m_equator * (1.0 - 1e-10));
    CHECK(max_ratio <= n_pole * (1.0 + 1e-10));
    // The naive sphere radii b and a do not bound the ratio: the bounds need M(0) and N(90°).
    CHECK(min_ratio < wgs84_b);
    CHECK(max_ratio > wgs84_a);
    // And the latitude-dependent bounds are nearly attained, so they are no looser than needed.
    CHECK(outer_slack > -1e-10);
    CHECK(inner_slack > -1e-10);
    CHECK(outer_slack < 1e-6);
    CHECK(inner_slack < 1e-6);
}

TEST_CASE("point index: concurrent queries agree with serial ones", "[geo]") {
    Random random(4242);
    std::vector<LonLat> points;
    for (int i = 0; i < 20000; ++i) points.push_back(inner_mongolia(random));
    const PointIndex index(points);
    std::vector<LonLat> centres;
    for (int i = 0; i < 200; ++i) centres.push_back(inner_mongolia(random));

    struct Answer {
        std::vector<Neighbour> within;
        std::size_t count = 0;
        std::vector<Neighbour> nearest;
    };
    const auto answer = [&](LonLat c) {
        return Answer{index.within(c, 30e3), index.count_within(c, 60e3), index.nearest(c, 7)};
    };
    std::vector<Answer> serial;
    for (const auto& c : centres) serial.push_back(answer(c));

    std::vector<std::size_t> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < mismatches.size(); ++t)
        threads.emplace_back([&, t] {
            for (std::size_t round = 0; round < 2; ++round)
                for (std::size_t i = 0; i < centres.size(); ++i) {
                    const std::size_t q = (i + t * 37) % centres.size();
                    const Answer a = answer(centres[q]);
                    if (!difference(a.within, serial[q].within).empty() || a.count != serial[q].count ||
                        !difference(a.nearest, serial[q].nearest).empty())
                        ++mismatches[t];
                }
        });
    for (auto& thread : threads) thread.join();
    for (const auto m : mismatches) CHECK(m == 0);
}

TEST_CASE("point index: keeps its own copy of the points and can be moved", "[geo]") {
    Random random(11);
    std::vector<LonLat> points;
    for (int i = 0; i < 500; ++i) points.push_back(inner_mongolia(random));
    const std::vector<LonLat> kept = points;
    auto index = std::make_unique<PointIndex>(points);
    std::fill(points.begin(), points.end(), LonLat{0.0, 0.0});
    points.clear();
    points.shrink_to_fit();

    const LonLat centre{110.0, 45.0};
    const auto sorted = all_by_distance(kept, centre);
    CHECK(difference(index->nearest(centre, 10), brute_nearest(sorted, 10, infinity)) == "");

    PointIndex moved(std::move(*index));
    index.reset();
    CHECK(moved.size() == kept.size());
    CHECK(difference(moved.within(centre, 200e3), brute_within(sorted, 200e3)) == "");

    PointIndex assigned(std::vector<LonLat>{{1.0, 1.0}});
    assigned = std::move(moved);
    CHECK(assigned.size() == kept.size());
    CHECK(assigned.count_within(centre, 200e3) == brute_within(sorted, 200e3).size());
}

TEST_CASE("point index: matches carry the azimuth geodesic_inverse gives", "[geo]") {
    std::mt19937_64 random(20261128);
    std::uniform_real_distribution<double> lon(97.2, 126.0), lat(37.4, 53.3);
    std::vector<LonLat> points(2000);
    for (auto& p : points) p = {lon(random), lat(random)};
    const PointIndex index(points);
    for (int q = 0; q < 20; ++q) {
        const LonLat center{lon(random), lat(random)};
        for (const auto& found : {index.within(center, 150000.0), index.nearest(center, 7)}) {
            REQUIRE_FALSE(found.empty());
            for (const auto& n : found) {
                const auto inverse = depmap::geo::geodesic_inverse(center, points[n.index]);
                CHECK(n.azimuth_deg == inverse.azimuth1_deg);
                CHECK(n.distance_m == inverse.distance_m);
            }
        }
    }
}

TEST_CASE("point index: a large set (packed in parts on several cores) matches brute force", "[geo][parallel]") {
    // Over 100,000 points the index is built on several cores (keys, order and stored
    // vectors in parts); queries anywhere, and between runs of points, must see them all.
    Random random(99);
    std::vector<LonLat> base;
    for (int i = 0; i < 100000; ++i) base.push_back(inner_mongolia(random));
    for (int i = 0; i < 5000; ++i) base.push_back(random.global());
    auto points = with_duplicates(std::move(base), random, 500);
    points.push_back({std::numeric_limits<double>::quiet_NaN(), 40.0});
    const PointIndex index(points);
    REQUIRE(index.size() == points.size());

    std::vector<LonLat> centres;
    for (int i = 0; i < 4; ++i) centres.push_back(inner_mongolia(random));
    for (int i = 0; i < 2; ++i) centres.push_back(random.global());
    for (const auto& centre : centres) {
        const auto sorted = all_by_distance(points, centre);
        for (const double radius : {0.0, 20e3, 150e3, 2000e3}) {
            INFO(describe(centre) << ", radius " << radius << " m");
            const auto want = brute_within(sorted, radius);
            CHECK(difference(index.within(centre, radius), want) == "");
            CHECK(index.count_within(centre, radius) == want.size());
        }
        for (const std::size_t k : {1, 5, 40})
            for (const double max_distance : {infinity, 5e3}) {
                INFO(describe(centre) << ", k " << k << ", max " << max_distance << " m");
                CHECK(difference(index.nearest(centre, k, max_distance), brute_nearest(sorted, k, max_distance)) == "");
            }
    }
    // Dense lines of centres across the box, so that many sit at the split: brute force
    // over the points within a degree of latitude and two of longitude (more than 50 km
    // everywhere in the box), with the exact distance deciding.
    std::vector<LonLat> line;
    for (double lon = 97.5; lon < 126.0; lon += 0.1) line.push_back({lon, 45.3});
    for (double lat = 37.5; lat < 53.3; lat += 0.1) line.push_back({111.6, lat});
    for (const auto& centre : line) {
        std::vector<LonLat> near_points(points.size(), LonLat{std::numeric_limits<double>::quiet_NaN(), 0.0});
        for (std::size_t i = 0; i < points.size(); ++i)
            if (std::abs(points[i].lat_deg - centre.lat_deg) <= 1.0 && std::abs(points[i].lon_deg - centre.lon_deg) <= 2.0)
                near_points[i] = points[i];
        const auto sorted = all_by_distance(near_points, centre);
        INFO(describe(centre));
        CHECK(difference(index.within(centre, 30e3), brute_within(sorted, 30e3)) == "");
        for (const std::size_t k : {1, 5, 40})
            CHECK(difference(index.nearest(centre, k, 50e3), brute_nearest(sorted, k, 50e3)) == "");
    }
    // neighbours_of: the same set as the brute-force radius search around the point.
    for (int n = 0; n < 2; ++n) {
        const std::size_t i = random.below(points.size() - 1);
        std::vector<std::size_t> got;
        index.neighbours_of(i, 30e3, got);
        std::sort(got.begin(), got.end());
        std::vector<std::size_t> want;
        for (const auto& m : brute_within(all_by_distance(points, points[i]), 30e3)) want.push_back(m.index);
        std::sort(want.begin(), want.end());
        CHECK(got == want);
    }
}
