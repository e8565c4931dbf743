#include "geo/area.hpp"
#include "base/error.hpp"
#include "layers/model/commodities.hpp"
#include "layers/derive/hull.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/read/read.hpp"
#include "reference_tools.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <ogr_geometry.h>

#include <ogr_api.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <sstream>
#include <vector>

using depmap::geo::LonLat;
using depmap::layers::HullOptions;
using depmap::layers::hull_of;

namespace {

std::unique_ptr<OGRGeometry> as_ogr(const depmap::geo::MultiPolygon& polygons) {
    return depmap::layers::to_ogr(depmap::geo::Shape{polygons});
}

// Points not strictly inside the polygon as GDAL/GEOS read it (lon/lat, straight edges).
std::size_t points_outside(const OGRGeometry& polygon, const std::vector<LonLat>& points) {
    std::size_t outside = 0;
    for (const auto& p : points) {
        const OGRPoint point(p.lon_deg, p.lat_deg);
        if (!polygon.Contains(&point)) ++outside;
    }
    return outside;
}

// Random points around a centre, spread over `spread_deg` degrees of latitude, with
// some on a line so hulls have collinear boundary points.
std::vector<LonLat> random_points(std::mt19937_64& random, LonLat centre, double spread_deg, int count) {
    std::normal_distribution<double> offset(0.0, spread_deg / 4);
    std::vector<LonLat> points;
    for (int i = 0; i < count; ++i)
        points.push_back({centre.lon_deg + offset(random) / std::cos(centre.lat_deg * M_PI / 180), centre.lat_deg + offset(random)});
    for (int i = 0; i <= 4; ++i)  // a straight lon/lat row along the south
        points.push_back({centre.lon_deg - spread_deg + i * spread_deg / 2, centre.lat_deg - spread_deg});
    return points;
}

double planimeter_area_m2(const std::vector<LonLat>& ring) {
    std::string input;
    for (const auto& p : ring) input += fmt::format("{:.15f} {:.15f}\n", p.lat_deg, p.lon_deg);
    std::istringstream output(depmap::test::run_reference("Planimeter", "geographiclib-tools", "-p 3", input));
    double count = 0, perimeter = 0, area = 0;
    output >> count >> perimeter >> area;
    return std::abs(area);
}

} // namespace

TEST_CASE("Hulls contain every point as GDAL draws them; concave lies within convex", "[layers][hull]") {
    std::mt19937_64 random(20261128);
    const struct {
        LonLat centre;
        double spread_deg;
        int count;
    } fixtures[] = {
        {{110.0, 41.0}, 0.01, 30},   // a mine site, ~1 km
        {{112.0, 43.0}, 0.5, 200},   // a district
        {{114.0, 44.0}, 8.0, 500},   // Inner Mongolia scale: edges of hundreds of km
        {{20.0, 68.0}, 3.0, 300},    // far north
        {{-65.0, -25.0}, 2.0, 100},  // southern and western hemispheres
    };
    for (const auto& f : fixtures) {
        const auto points = random_points(random, f.centre, f.spread_deg, f.count);
        INFO("centre " << f.centre.lon_deg << "," << f.centre.lat_deg << " spread " << f.spread_deg);
        const auto convex = as_ogr(hull_of(points));
        const auto concave = as_ogr(hull_of(points, HullOptions{0.3}));
        CHECK(convex->IsValid());
        CHECK(concave->IsValid());
        CHECK(points_outside(*convex, points) == 0);
        CHECK(points_outside(*concave, points) == 0);
        // Within, up to the densification of edges the two share (a quarter metre).
        const std::unique_ptr<OGRGeometry> excess(concave->Difference(convex.get()));
        const double convex_area = convex->toMultiPolygon()->get_Area();
        const double excess_area = excess->IsEmpty() ? 0.0 : OGR_G_Area(OGRGeometry::ToHandle(excess.get()));
        CHECK(excess_area <= 1e-6 * convex_area);
        CHECK(concave->toMultiPolygon()->get_Area() < convex_area);
    }
}

TEST_CASE("A convex hull's area is that of its corner polygon, by Planimeter", "[layers][hull]") {
    // A 20 km lon/lat quadrilateral near Baotou with points inside and on its edges.
    const std::vector<LonLat> corners{{109.8, 40.5}, {110.05, 40.52}, {110.03, 40.7}, {109.82, 40.69}};
    std::vector<LonLat> points = corners;
    points.push_back({109.9, 40.6});
    points.push_back({110.0, 40.65});
    points.push_back({(109.8 + 110.05) / 2, (40.5 + 40.52) / 2});  // on an edge
    const auto hull = hull_of(points);
    REQUIRE(hull.size() == 1);
    const double corner_area_m2 = planimeter_area_m2(corners);
    // The 1 m margin adds about perimeter x 1 m (~80,000 m2 of ~400 km2, 0.02 %).
    CHECK(depmap::geo::area_m2(hull) == Approx(corner_area_m2).epsilon(0.001));
    CHECK(depmap::geo::area_m2(hull) > corner_area_m2);
}

TEST_CASE("Hulls of one, two or collinear points are small valid polygons", "[layers][hull]") {
    const std::vector<std::vector<LonLat>> cases{
        {{110.0, 41.0}},
        {{110.0, 41.0}, {110.0, 41.0}, {110.0, 41.0}},
        {{110.0, 41.0}, {110.1, 41.1}},
        {{110.0, 41.0}, {110.05, 41.0}, {110.1, 41.0}},
        {{110.0, 41.0}, {110.0, 41.5}, {110.0, 42.0}},
    };
    for (const auto& points : cases) {
        INFO(points.size() << " points from " << points.front().lon_deg << "," << points.front().lat_deg);
        const auto hull = hull_of(points);
        REQUIRE(hull.size() == 1);
        const auto ogr = as_ogr(hull);
        CHECK(ogr->IsValid());
        CHECK(points_outside(*ogr, points) == 0);
        CHECK(depmap::geo::area_m2(hull) > 1.0);
        CHECK(as_ogr(hull_of(points, HullOptions{0.5}))->IsValid());
    }
    // A disc of radius 1 m (an octagon): about pi m2.
    CHECK(depmap::geo::area_m2(hull_of(std::vector<LonLat>{{110.0, 41.0}})) == Approx(2.83).epsilon(0.02));
    CHECK(hull_of(std::vector<LonLat>{}).empty());
}

TEST_CASE("Hulls refuse bad ratios, poles and the antimeridian", "[layers][hull]") {
    const std::vector<LonLat> points{{110, 41}, {111, 41}, {110.5, 42}};
    CHECK_THROWS_AS(hull_of(points, HullOptions{0.0}), depmap::ArgumentError);
    CHECK_THROWS_AS(hull_of(points, HullOptions{1.5}), depmap::ArgumentError);
    CHECK_THROWS_WITH(hull_of(std::vector<LonLat>{{179.5, 10}, {-179.5, 10}, {179.9, 11}}),
                      Catch::Contains("antimeridian"));
    CHECK_THROWS_WITH(hull_of(std::vector<LonLat>{{0, 85}, {120, 85}, {-120, 85}}), Catch::Contains("pole"));
}

TEST_CASE("Hulls of the bundled deposits, one per commodity", "[layers][hull]") {
    const auto deposits = depmap::layers::read_layer(depmap::test::bundled("records.csv").string());
    const auto all = depmap::layers::hull_layer(deposits, {});
    REQUIRE(all.size() == 1);
    CHECK(all.columns[*all.field_index("count")].integer(0) == static_cast<std::int64_t>(deposits.size()));
    const auto hull = as_ogr(std::get<depmap::geo::MultiPolygon>(all.shapes[0]));
    CHECK(hull->IsValid());
    CHECK(points_outside(*hull, deposits.points) == 0);

    const auto by_commodity = depmap::layers::hull_layer(deposits, {}, "commodities");
    const auto field = *depmap::layers::commodity_field(deposits);
    const auto counts = depmap::layers::count_commodities(deposits, field);
    REQUIRE(by_commodity.size() == counts.size());
    // Six commodities have one or two sites (`depmap info`): a note for each, none for all.
    CHECK(by_commodity.notes.size() == 6);
    CHECK(all.notes.empty());
    for (std::size_t row = 0; row < by_commodity.size(); ++row) {
        const std::string commodity = by_commodity.columns[0].to_text(row);
        INFO(commodity);
        std::vector<LonLat> members;
        for (std::size_t d = 0; d < deposits.size(); ++d) {
            const auto listed = depmap::layers::split_commodities(deposits.columns[field].to_text(d));
            // The sites listing none form a group with an empty value.
            if (commodity.empty() ? listed.empty() : std::count(listed.begin(), listed.end(), commodity) > 0)
                members.push_back(deposits.points[d]);
        }
        CHECK(by_commodity.columns[1].integer(row) == static_cast<std::int64_t>(members.size()));
        const auto polygon = as_ogr(std::get<depmap::geo::MultiPolygon>(by_commodity.shapes[row]));
        CHECK(polygon->IsValid());
        CHECK(points_outside(*polygon, members) == 0);
    }
}
