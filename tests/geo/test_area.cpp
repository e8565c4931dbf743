#include "geo/area.hpp"
#include "geo/geodesic.hpp"
#include "geo/local_projection.hpp"

#include <catch2/catch.hpp>

#include <vector>

using depmap::geo::LonLat;

namespace {

// Square metres printed by GeographicLib's Planimeter (geographiclib-tools), an
// implementation independent of PROJ's, for the same rings given as "lat lon" lines.
constexpr double planimeter_quad_m2 = 15039743934.3;    // 41 109 / 41 110 / 42 110.5 / 42.5 109
constexpr double planimeter_square_m2 = 9412788745.7;   // 40 110 / 40 111 / 41 111 / 41 110

const std::vector<LonLat> quad{{109, 41}, {110, 41}, {110.5, 42}, {109, 42.5}};
const std::vector<LonLat> square{{110, 40}, {111, 40}, {111, 41}, {110, 41}};

} // namespace

TEST_CASE("Geodesic ring areas equal GeographicLib's Planimeter", "[geo][area]") {
    CHECK(depmap::geo::geodesic_ring_area_m2(quad) == Approx(planimeter_quad_m2).margin(0.1).epsilon(0));
    CHECK(depmap::geo::geodesic_ring_area_m2(square) == Approx(planimeter_square_m2).margin(0.1).epsilon(0));
    SECTION("either direction, closed or open") {
        std::vector<LonLat> reversed(quad.rbegin(), quad.rend());
        reversed.push_back(reversed.front());
        CHECK(depmap::geo::geodesic_ring_area_m2(reversed) == Approx(planimeter_quad_m2).margin(0.1).epsilon(0));
    }
    SECTION("a polygon's hole is taken off") {
        depmap::geo::Polygon polygon;
        polygon.outer() = {{109, 39}, {112, 39}, {112, 42}, {109, 42}, {109, 39}};
        polygon.inners().push_back({{110, 40}, {110, 41}, {111, 41}, {111, 40}, {110, 40}});
        const double outer = depmap::geo::geodesic_ring_area_m2(polygon.outer());
        CHECK(depmap::geo::area_m2(polygon) == Approx(outer - planimeter_square_m2).margin(0.1).epsilon(0));
    }
    SECTION("fewer than three points enclose nothing") {
        CHECK(depmap::geo::geodesic_ring_area_m2(std::vector<LonLat>{{109, 41}, {110, 41}}) == 0.0);
    }
}

TEST_CASE("The local projection is equal-area and inverts to a millimetre", "[geo][area]") {
    const depmap::geo::LocalProjection projection(LonLat{110, 41});
    const auto centre = projection.forward(LonLat{110, 41});
    CHECK(centre.x_m == Approx(0).margin(1e-9));
    CHECK(centre.y_m == Approx(0).margin(1e-9));
    // East is +x, north is +y.
    CHECK(projection.forward(LonLat{111, 41}).x_m > 80000);
    CHECK(projection.forward(LonLat{110, 42}).y_m > 110000);

    // PROJ 9.1 inverts the ellipsoidal projection through a series for the authalic
    // latitude: good to about 1e-8 degrees (1 mm), far inside any tolerance that uses it.
    SECTION("round trip to 2 mm across 1,000 km") {
        for (double lon = 104; lon <= 116; lon += 1.5)
            for (double lat = 36; lat <= 46; lat += 1.25) {
                const auto back = projection.inverse(projection.forward(LonLat{lon, lat}));
                CHECK(back.lon_deg == Approx(lon).margin(2e-8).epsilon(0));
                CHECK(back.lat_deg == Approx(lat).margin(2e-8).epsilon(0));
            }
    }
    SECTION("a small square in projected metres has the same area on the ellipsoid") {
        // 1 km squares 500 km from the centre: an equal-area map keeps 1e6 m2 (the
        // straight projected edges and the geodesics differ by far less than 1e-5).
        for (const auto& [x0, y0] : std::vector<std::pair<double, double>>{{500e3, 0}, {-300e3, 400e3}}) {
            std::vector<LonLat> ring;
            for (const auto& [dx, dy] : std::vector<std::pair<double, double>>{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}})
                ring.push_back(projection.inverse({x0 + dx, y0 + dy}));
            CHECK(depmap::geo::geodesic_ring_area_m2(ring) == Approx(1e6).epsilon(1e-5));
        }
    }
    SECTION("many points at once agree with one at a time") {
        const std::vector<LonLat> points{{105, 38}, {110, 41}, {118, 47}};
        std::vector<depmap::geo::XY> out(points.size());
        projection.forward(points, out);
        for (std::size_t i = 0; i < points.size(); ++i) {
            CHECK(out[i].x_m == projection.forward(points[i]).x_m);
            CHECK(out[i].y_m == projection.forward(points[i]).y_m);
        }
    }
}
