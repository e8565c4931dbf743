#include "base/error.hpp"
#include "geo/geodesic_buffer.hpp"
#include "geo/wgs84.hpp"
#include "reference_tools.hpp"

#include <boost/geometry/algorithms/area.hpp>
#include <boost/geometry/algorithms/is_valid.hpp>
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cmath>
#include <numbers>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using depmap::geo::GeodesicCircleOptions;
using depmap::geo::LonLat;
using depmap::geo::geodesic_circle;

namespace {

struct Case {
    LonLat centre;
    double radius_m;
    double tolerance_m;
};

const std::vector<Case> cases{
    {{109.84, 40.65}, 10'000, 1.0},     // Baotou, the command's usual size
    {{109.84, 40.65}, 150, 0.05},       // a pit, at centimetres
    {{116.0, 43.9}, 100'000, 1.0},
    {{0.0, 0.0}, 10'000, 1.0},           // equator
    {{25.0, 69.5}, 50'000, 1.0},         // far north: lon/lat edges are strongly sheared
    {{-58.4, -34.6}, 1'000'000, 1.0},    // southern, continental size
    {{120.0, 45.0}, 3'000'000, 5.0},     // large enough for the ellipsoid to matter
};

// Every vertex and 15 points evenly spread along every straight lon/lat edge: more than
// the builder itself checks (3 per edge).
std::vector<LonLat> drawn_points(const depmap::geo::Polygon& polygon) {
    std::vector<LonLat> points;
    const auto& ring = polygon.outer();
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const LonLat a = ring[i], b = ring[i + 1];
        for (int k = 0; k < 16; ++k) {
            const double t = k / 16.0;
            points.push_back({a.lon_deg + t * (b.lon_deg - a.lon_deg), a.lat_deg + t * (b.lat_deg - a.lat_deg)});
        }
    }
    return points;
}

// Distances from `centre` to each point by GeographicLib's GeodSolve.
std::vector<double> geodsolve_distances(LonLat centre, const std::vector<LonLat>& points) {
    std::string input;
    for (const auto& p : points)
        // Fixed notation: GeodSolve would read the "e" of 1e-05 as a hemisphere (east).
        input += fmt::format("{:.15f} {:.15f} {:.15f} {:.15f}\n", centre.lat_deg, centre.lon_deg, p.lat_deg, p.lon_deg);
    std::istringstream output(depmap::test::run_reference("GeodSolve", "geographiclib-tools", "-i -p 9", input));
    std::vector<double> distances;
    double azimuth1 = 0, azimuth2 = 0, distance = 0;
    while (output >> azimuth1 >> azimuth2 >> distance) distances.push_back(distance);
    return distances;
}

// The polygon's area by GeographicLib's Planimeter (edges as geodesics).
double planimeter_area_m2(const depmap::geo::Polygon& polygon) {
    std::string input;
    for (const auto& p : polygon.outer()) input += fmt::format("{:.15f} {:.15f}\n", p.lat_deg, p.lon_deg);
    std::istringstream output(depmap::test::run_reference("Planimeter", "geographiclib-tools", "-p 3", input));
    double count = 0, perimeter = 0, area = 0;
    output >> count >> perimeter >> area;
    return std::abs(area);
}

// A geodesic circle's area on a sphere of the ellipsoid's Gaussian radius of curvature
// at the centre, sqrt(M N): a spherical cap, 2 pi R^2 (1 - cos(r / R)). The ellipsoid's
// curvature varies across the circle by far less than the 0.1 % this is used for.
double cap_area_m2(LonLat centre, double radius_m) {
    namespace w = depmap::geo::wgs84;
    const double s = std::sin(centre.lat_deg * std::numbers::pi / 180.0);
    const double w2 = 1.0 - w::e2 * s * s;
    const double meridional = w::a_m * (1.0 - w::e2) / std::pow(w2, 1.5);
    const double normal = w::a_m / std::sqrt(w2);
    const double r = std::sqrt(meridional * normal);
    return 2.0 * std::numbers::pi * r * r * (1.0 - std::cos(radius_m / r));
}

} // namespace

TEST_CASE("Geodesic circles: every drawn point is at the radius, by GeodSolve", "[geo][buffer]") {
    for (const auto& c : cases) {
        INFO("centre " << c.centre.lon_deg << "," << c.centre.lat_deg << " radius " << c.radius_m << " m");
        const auto circle = geodesic_circle(c.centre, GeodesicCircleOptions{c.radius_m, c.tolerance_m});
        const auto& ring = circle.outer();
        REQUIRE(ring.size() > 16);
        CHECK(ring.front() == ring.back());
        CHECK(boost::geometry::area(circle) > 0);  // counter-clockwise in lon/lat
        CHECK(boost::geometry::is_valid(circle));

        const auto points = drawn_points(circle);
        const auto distances = geodsolve_distances(c.centre, points);
        REQUIRE(distances.size() == points.size());
        double worst = 0;
        for (std::size_t i = 0; i < points.size(); ++i) {
            const double error = std::abs(distances[i] - c.radius_m);
            // Vertices lie half the tolerance outside the circle.
            if (i % 16 == 0) CHECK(distances[i] - c.radius_m == Approx(c.tolerance_m / 2).margin(1e-6));
            worst = std::max(worst, error);
        }
        CHECK(worst <= c.tolerance_m);
        // Not wastefully dense: the worst edge uses a fair part of the allowance.
        CHECK(worst > c.tolerance_m / 10);
    }
}

TEST_CASE("Geodesic circles: area within 0.1 % of the geodesic circle's", "[geo][buffer]") {
    for (const auto& c : cases) {
        INFO("centre " << c.centre.lon_deg << "," << c.centre.lat_deg << " radius " << c.radius_m << " m");
        const auto circle = geodesic_circle(c.centre, GeodesicCircleOptions{c.radius_m, c.tolerance_m});
        CHECK(planimeter_area_m2(circle) == Approx(cap_area_m2(c.centre, c.radius_m)).epsilon(0.001));
    }
}

TEST_CASE("Geodesic circles: poles, the antimeridian and bad sizes are refused", "[geo][buffer]") {
    CHECK_THROWS_AS(geodesic_circle({20.0, 89.95}, {10'000, 1}), depmap::InputError);
    CHECK_THROWS_AS(geodesic_circle({20.0, -89.95}, {10'000, 1}), depmap::InputError);
    CHECK_THROWS_WITH(geodesic_circle({179.95, 0.0}, {10'000, 1}), Catch::Contains("antimeridian"));
    CHECK_THROWS_WITH(geodesic_circle({-179.95, 65.0}, {10'000, 1}), Catch::Contains("antimeridian"));
    CHECK_THROWS_AS(geodesic_circle({110, 40}, {0, 1}), std::invalid_argument);
    CHECK_THROWS_AS(geodesic_circle({110, 40}, {-5, 1}), std::invalid_argument);
    CHECK_THROWS_AS(geodesic_circle({110, 40}, {10'000, 0}), std::invalid_argument);
    CHECK_THROWS_AS(geodesic_circle({110, 40}, {NAN, 1}), std::invalid_argument);
    // Close to the antimeridian but clear of it is fine.
    CHECK_NOTHROW(geodesic_circle({179.5, 0.0}, {10'000, 1}));
}
