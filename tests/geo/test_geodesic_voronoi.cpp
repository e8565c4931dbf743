#include "geo/geodesic.hpp"
#include "geo/geodesic_voronoi.hpp"

#include <boost/geometry/algorithms/covered_by.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/is_valid.hpp>
#include <boost/geometry/algorithms/within.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

using depmap::geo::LonLat;
using depmap::geo::geodesic_distance_m;

namespace {

// How much nearer site i is than every other: <= 0 exactly where i is a nearest site,
// and within 2 d of 0 for a point d metres from the border (the triangle inequality).
double lead_m(const std::vector<LonLat>& sites, std::size_t i, LonLat p) {
    double other = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < sites.size(); ++j)
        if (j != i) other = std::min(other, geodesic_distance_m(p, sites[j]));
    return geodesic_distance_m(p, sites[i]) - other;
}

std::size_t nearest_site(const std::vector<LonLat>& sites, LonLat p) {
    std::size_t best = 0;
    for (std::size_t j = 1; j < sites.size(); ++j)
        if (geodesic_distance_m(p, sites[j]) < geodesic_distance_m(p, sites[best])) best = j;
    return best;
}

// Sites across Inner Mongolia: Baotou, Chifeng, Hailar, Ordos, Erenhot, Alxa Left Banner.
const std::vector<LonLat> hubs{{109.84, 40.65}, {118.96, 42.27}, {119.76, 49.21},
                               {109.78, 39.61}, {111.98, 43.65}, {105.67, 38.84}};

} // namespace

TEST_CASE("Two sites on one meridian split at the equator, two on one parallel at the mid meridian",
          "[geo][voronoi]") {
    depmap::geo::VoronoiOptions options;
    options.reach_m = 2.0e6;
    // The ellipsoid is symmetric about the equator and every meridian plane, so these
    // borders are exact: the equator, and the meridian half-way.
    const std::vector<LonLat> north_south{{110, 5}, {110, -5}};
    const auto ns = depmap::geo::geodesic_voronoi_cells(north_south, options);
    REQUIRE(ns.size() == 2);
    std::size_t on_border = 0;
    for (const auto& v : ns[0].outer()) {
        if (std::abs(geodesic_distance_m(v, north_south[0]) - options.reach_m) < 1e-3) continue;
        CHECK(std::abs(v.lat_deg) < 1e-7);
        ++on_border;
    }
    CHECK(on_border >= 2);

    const std::vector<LonLat> east_west{{109, 41}, {111, 41}};
    const auto ew = depmap::geo::geodesic_voronoi_cells(east_west, options);
    on_border = 0;
    for (const auto& v : ew[1].outer()) {
        if (std::abs(geodesic_distance_m(v, east_west[1]) - options.reach_m) < 1e-3) continue;
        CHECK(std::abs(v.lon_deg - 110.0) < 1e-7);  // 1 cm
        ++on_border;
    }
    CHECK(on_border >= 2);
}

TEST_CASE("Every drawn border lies within the tolerance of the geodesic bisector", "[geo][voronoi]") {
    for (const double tolerance_m : {1.0, 10.0}) {
        depmap::geo::VoronoiOptions options;
        options.reach_m = 2.5e6;
        options.tolerance_m = tolerance_m;
        const auto cells = depmap::geo::geodesic_voronoi_cells(hubs, options);
        REQUIRE(cells.size() == hubs.size());
        for (std::size_t i = 0; i < cells.size(); ++i) {
            INFO("cell " << i << ", tolerance " << tolerance_m << " m");
            std::string why;
            const bool valid = boost::geometry::is_valid(cells[i], why);
            INFO(why);
            CHECK(valid);
            CHECK(boost::geometry::within(hubs[i], cells[i]));
            const auto& ring = cells[i].outer();
            std::size_t checked = 0;
            for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
                const auto a = ring[k], b = ring[k + 1];
                const auto capped = [&](LonLat v) {
                    return std::abs(geodesic_distance_m(v, hubs[i]) - options.reach_m) < 1e-2;
                };
                if (capped(a) || capped(b)) continue;
                // Vertices on the bisector; every point of the straight edge near it.
                for (int s = 0; s <= 8; ++s) {
                    const double u = s / 8.0;
                    const LonLat q{a.lon_deg + u * (b.lon_deg - a.lon_deg), a.lat_deg + u * (b.lat_deg - a.lat_deg)};
                    const double lead = lead_m(hubs, i, q);
                    if (s == 0) CHECK(std::abs(lead) < 1e-3);
                    CHECK(std::abs(lead) <= 2.0 * tolerance_m);
                    ++checked;
                }
            }
            CHECK(checked > 0);
        }
    }
}

TEST_CASE("Random points lie in the cell of their geodesically nearest site", "[geo][voronoi]") {
    depmap::geo::VoronoiOptions options;
    options.reach_m = 2.5e6;
    const auto cells = depmap::geo::geodesic_voronoi_cells(hubs, options);
    std::mt19937 random(20261128);
    std::uniform_real_distribution<double> lon(100.0, 125.0), lat(37.0, 53.0);
    for (int n = 0; n < 3000; ++n) {
        const LonLat p{lon(random), lat(random)};
        const auto nearest = nearest_site(hubs, p);
        INFO(p.lon_deg << "," << p.lat_deg << " nearest " << nearest);
        if (std::abs(lead_m(hubs, nearest, p)) < 2.0 * options.tolerance_m) continue;  // on a border
        for (std::size_t i = 0; i < cells.size(); ++i)
            CHECK(boost::geometry::covered_by(p, cells[i]) == (i == nearest));
    }
}

TEST_CASE("The border distance along a ray is where the nearest site changes", "[geo][voronoi]") {
    // Baotou and Chifeng alone: due east from Baotou the border is where both are as far.
    const std::vector<LonLat> two{hubs[0], hubs[1]};
    const double t = depmap::geo::distance_to_border_m(two, 0, 80.0, 3e6);
    const auto p = depmap::geo::geodesic_direct(two[0], 80.0, t);
    CHECK(std::abs(geodesic_distance_m(p, two[0]) - geodesic_distance_m(p, two[1])) < 1e-3);
    CHECK(depmap::geo::distance_to_border_m(two, 0, 260.0, 3e6) == 3e6);  // away from Chifeng: capped
}

TEST_CASE("Voronoi cells refuse the same site twice and a reach past 9,000 km", "[geo][voronoi]") {
    depmap::geo::VoronoiOptions options;
    options.reach_m = 1e6;
    const std::vector<LonLat> twice{{110, 41}, {112, 42}, {110, 41}};
    CHECK_THROWS_AS(depmap::geo::geodesic_voronoi_cells(twice, options), std::invalid_argument);
    options.reach_m = 1e7;
    CHECK_THROWS_AS(depmap::geo::geodesic_voronoi_cells(hubs, options), std::invalid_argument);
}
