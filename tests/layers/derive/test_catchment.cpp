#include "geo/area.hpp"
#include "base/error.hpp"
#include "geo/geodesic.hpp"
#include "layers/derive/catchment.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/overlay.hpp"
#include "layers/read/read.hpp"
#include "layers/query/regions.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <ogrsf_frmts.h>

#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <random>

using namespace depmap;
using Catch::Matchers::Contains;
using geo::geodesic_distance_m;

namespace {

// Baotou, Chifeng and Hailar (Hulunbuir), as GeoNames places them.
const std::vector<layers::Place> three{{"Baotou", {109.84389, 40.65222}},
                                     {"Chifeng", {118.96361, 42.26833}},
                                     {"Hailar", {119.7, 49.2}}};

struct Nearest {
    std::size_t hub = 0;
    double lead_m = 0.0;  // how much nearer than the runner-up: 0 on a border
};

// Brute force over every hub, ties to the hub listed first.
Nearest nearest(const std::vector<layers::Place>& hubs, geo::LonLat p) {
    std::vector<double> d;
    for (const auto& hub : hubs) d.push_back(geodesic_distance_m(p, hub.position));
    Nearest best;
    for (std::size_t h = 1; h < hubs.size(); ++h)
        if (d[h] < d[best.hub]) best.hub = h;
    double second = std::numeric_limits<double>::infinity();
    for (std::size_t h = 0; h < hubs.size(); ++h)
        if (h != best.hub) second = std::min(second, d[h]);
    best.lead_m = second - d[best.hub];
    return best;
}

// The bundled boundary as GDAL reads it, straight from the file.
std::unique_ptr<OGRGeometry> boundary_from_gdal() {
    layers::ensure_gdal();
    layers::Dataset dataset(GDALDataset::Open(test::bundled("boundary.geojson").c_str(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    auto* layer = dataset->GetLayer(0);
    std::unique_ptr<OGRFeature> feature(layer->GetNextFeature());
    REQUIRE(feature);
    return std::unique_ptr<OGRGeometry>(feature->GetGeometryRef()->clone());
}

geo::MultiPolygon bundled_region() {
    return layers::union_of(layers::polygons_of(layers::read_layer(test::bundled("boundary.geojson"))));
}

} // namespace

TEST_CASE("catchment: reopened polygons are valid and hold points nearest their hub", "[layers][catchment]") {
    const auto deposits = layers::read_layer(test::bundled("records.csv"));
    const auto result = layers::catchments(deposits, three, bundled_region(), {});
    test::ScratchDir dir;
    const auto path = dir.file("catchments.gpkg");
    layers::write_layer(result, path, {});

    layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    auto* layer = dataset->GetLayer(0);
    REQUIRE(layer->GetFeatureCount() == 3);
    std::mt19937 random(5);
    std::size_t feature_number = 0;
    for (auto& feature : *layer) {
        const auto* geometry = feature->GetGeometryRef();
        const std::string hub = feature->GetFieldAsString("hub");
        INFO("hub " << hub);
        CHECK(hub == three[feature_number].name);
        REQUIRE(geometry != nullptr);
        CHECK(geometry->IsValid());
        OGREnvelope box;
        geometry->getEnvelope(&box);
        std::uniform_real_distribution<double> lon(box.MinX, box.MaxX), lat(box.MinY, box.MaxY);
        int inside = 0;
        while (inside < 400) {
            OGRPoint p(lon(random), lat(random));
            if (!geometry->Contains(&p)) continue;
            ++inside;
            const auto n = nearest(three, {p.getX(), p.getY()});
            if (n.lead_m < 20.0) continue;  // within the default 10 m tolerance of a border
            INFO(p.getX() << "," << p.getY());
            CHECK(n.hub == feature_number);
        }
        ++feature_number;
    }
}

TEST_CASE("catchment: counts and areas agree with brute force and add up", "[layers][catchment]") {
    const auto deposits = layers::read_layer(test::bundled("records.csv"));
    const auto region = bundled_region();
    const auto result = layers::catchments(deposits, three, region, {});
    REQUIRE(result.size() == 3);

    // Inside the boundary by GEOS (not depmap's polygon index), nearest hub by brute force.
    const auto boundary = boundary_from_gdal();
    std::vector<std::int64_t> expected(3, 0);
    std::size_t outside = 0;
    for (const auto& p : deposits.points) {
        OGRPoint point(p.lon_deg, p.lat_deg);
        if (!boundary->Intersects(&point)) { ++outside; continue; }
        ++expected[nearest(three, p).hub];
    }
    const auto count = *result.field_index("count");
    std::int64_t total = 0;
    for (std::size_t h = 0; h < 3; ++h) {
        INFO(three[h].name);
        CHECK(result.columns[count].integer(h) == expected[h]);
        total += result.columns[count].integer(h);
    }
    CHECK(layers::outside_count(deposits, {region}) == outside);
    CHECK(static_cast<std::size_t>(total) + outside == deposits.size());

    // The cells tile the region: their areas add up to its own, to the slivers the 10 m
    // tolerance allows along about 3,000 km of borders (at most 2 x 10 m wide: 60 km²).
    const auto area = *result.field_index("area_km2");
    double sum_km2 = 0.0;
    for (std::size_t h = 0; h < 3; ++h) sum_km2 += result.columns[area].real(h);
    const double region_km2 = geo::area_m2(region) / 1e6;
    CHECK(sum_km2 == Approx(region_km2).margin(60.0));
    CHECK(region_km2 > 1.1e6);  // Inner Mongolia: 1.1 to 1.2 million km², as outlines differ
    CHECK(region_km2 < 1.2e6);
}

TEST_CASE("catchment: one hub takes the whole region; sums total the hub's features", "[layers][catchment]") {
    const auto sample = layers::read_layer(test::fixture("sample.csv"));
    const auto region = bundled_region();
    layers::CatchmentOptions options;
    options.sum_fields = {"tonnage"};
    const std::vector<layers::Place> one{{"Baotou", three[0].position}};
    const auto whole = layers::catchments(sample, one, region, options);
    REQUIRE(whole.size() == 1);
    CHECK(whole.columns[*whole.field_index("area_km2")].real(0) == Approx(geo::area_m2(region) / 1e6).epsilon(1e-12));
    CHECK(whole.columns[*whole.field_index("count")].integer(0) ==
          static_cast<std::int64_t>(sample.size() - layers::outside_count(sample, {region})));

    const auto split = layers::catchments(sample, three, region, options);
    const auto tonnage = *sample.field_index("tonnage");
    const auto inside = layers::rows_within(sample, {region});
    std::map<std::size_t, double> expected;
    for (const auto row : inside)
        if (!sample.columns[tonnage].is_null(row))
            expected[nearest(three, sample.points[row]).hub] +=
                sample.columns[tonnage].type() == layers::FieldType::Integer
                    ? static_cast<double>(sample.columns[tonnage].integer(row))
                    : sample.columns[tonnage].real(row);
    for (std::size_t h = 0; h < 3; ++h)
        CHECK(split.columns[*split.field_index("sum_tonnage")].real(h) == Approx(expected[h]));
}

TEST_CASE("catchment: the same hub twice is refused, naming both", "[layers][catchment]") {
    const auto sample = layers::read_layer(test::fixture("sample.csv"));
    const std::vector<layers::Place> twice{three[0], three[1], {"Baotou again", three[0].position}};
    CHECK_THROWS_WITH(layers::catchments(sample, twice, bundled_region(), {}),
                      Contains("'Baotou'") && Contains("'Baotou again'"));
    CHECK_THROWS_AS(layers::catchments(sample, {}, bundled_region(), {}), ArgumentError);
}

TEST_CASE("catchment: a feature as far from two hubs goes to the one listed first", "[layers][catchment]") {
    // By the ellipsoid's symmetry about the meridian 110°E, (110, 41.5) is exactly as far
    // from (109, 41) as from (111, 41); (109.9, 41.5) is nearer the western hub.
    test::ScratchDir dir;
    const auto sites = layers::read_layer(dir.write("sites.csv", "id,lon,lat\nmiddle,110,41.5\nwest,109.9,41.5\n"));
    const auto region = layers::box_polygon({108.0, 40.0, 112.0, 43.0});
    const std::vector<layers::Place> west_first{{"west", {109, 41}}, {"east", {111, 41}}};
    const std::vector<layers::Place> east_first{{"east", {111, 41}}, {"west", {109, 41}}};
    const auto a = layers::catchments(sites, west_first, region, {});
    const auto b = layers::catchments(sites, east_first, region, {});
    const auto count = *a.field_index("count");
    CHECK(a.columns[count].integer(0) == 2);  // west: both
    CHECK(a.columns[count].integer(1) == 0);
    CHECK(b.columns[count].integer(0) == 1);  // east: the tie
    CHECK(b.columns[count].integer(1) == 1);  // west: the nearer one
    // The two halves of the box, each within the tolerance of the meridian 110°E.
    const auto area = *a.field_index("area_km2");
    CHECK(a.columns[area].real(0) == Approx(a.columns[area].real(1)).margin(1.0));
}
