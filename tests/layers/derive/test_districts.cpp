#include "layers/derive/districts.hpp"

#include "geo/dbscan.hpp"
#include "layers/read/read.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <memory>
#include <numbers>
#include <random>

using depmap::geo::LonLat;
using depmap::layers::DistrictOptions;
using depmap::layers::DistrictShape;

namespace {

struct Reopened {
    std::int64_t cluster_id = 0;
    std::int64_t count = 0;
    std::string commodities;
    std::unique_ptr<OGRGeometry> geometry;
};

// The districts as GDAL reads them back from a GeoPackage depmap wrote.
std::vector<Reopened> write_and_reopen(const depmap::layers::Layer& districts, const depmap::test::ScratchDir& dir) {
    const auto path = dir.file("districts.gpkg");
    depmap::layers::WriteOptions options;
    options.overwrite = true;
    depmap::layers::write_layer(districts, path, options);
    std::unique_ptr<GDALDataset> dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(dataset);
    std::vector<Reopened> out;
    for (auto& feature : *dataset->GetLayer(0)) {
        Reopened r;
        r.cluster_id = feature->GetFieldAsInteger64("cluster_id");
        r.count = feature->GetFieldAsInteger64("count");
        r.commodities = feature->GetFieldAsString("commodities");
        r.geometry.reset(feature->StealGeometry());
        out.push_back(std::move(r));
    }
    return out;
}

int parts(const OGRGeometry& geometry) {
    return wkbFlatten(geometry.getGeometryType()) == wkbMultiPolygon ? geometry.toMultiPolygon()->getNumGeometries() : 1;
}

bool contains(const OGRGeometry& polygon, LonLat p) {
    const OGRPoint point(p.lon_deg, p.lat_deg);
    return polygon.Contains(&point);
}

// Every district valid, holding exactly the points of its own cluster.
void check_districts(const std::vector<Reopened>& districts, const std::vector<LonLat>& points,
                     const depmap::geo::DbscanResult& clusters) {
    REQUIRE(districts.size() == clusters.sizes.size());
    for (std::size_t c = 0; c < districts.size(); ++c) {
        const auto& d = districts[c];
        INFO("district " << c);
        REQUIRE(d.geometry);
        CHECK(d.geometry->IsValid());
        CHECK(d.cluster_id == static_cast<std::int64_t>(c));
        CHECK(d.count == static_cast<std::int64_t>(clusters.sizes[c]));
        for (std::size_t i = 0; i < points.size(); ++i)
            if (clusters.cluster[i] == static_cast<std::int64_t>(c)) CHECK(contains(*d.geometry, points[i]));
    }
}

} // namespace

TEST_CASE("districts of the fixture: hulls and buffers, valid in GDAL, holding their members", "[layers][districts]") {
    const auto points = depmap::layers::read_layer(depmap::test::fixture("districts.csv"));
    depmap::geo::DbscanOptions dbscan;
    dbscan.eps_m = 5000.0;
    const auto clusters = depmap::geo::dbscan(points.points, dbscan);
    depmap::test::ScratchDir dir;

    DistrictOptions options;
    options.sum_fields = {"tonnage"};
    auto districts = depmap::layers::district_layer(points, clusters, options);
    auto reopened = write_and_reopen(districts, dir);
    check_districts(reopened, points.points, clusters);
    // By hand: the east group (rows 2, 5, 7, 8) is the larger; the far point (row 4) is noise.
    REQUIRE(reopened.size() == 2);
    CHECK(reopened[0].commodities == "Coal:3;Fluorite:1;Iron:1");
    CHECK(reopened[1].commodities == "Iron:2;Rare Earth Elements:2");
    for (const auto& d : reopened) CHECK_FALSE(contains(*d.geometry, {115.0, 45.0}));
    // The east hull is a 0.01° square at 43° N, grown by a metre: about 815.4 m x 1111 m.
    const double east_km2 = districts.columns[*districts.field_index("area_km2")].real(0);
    CHECK(east_km2 == Approx(0.8154 * 1.1110).epsilon(0.01));

    options.shape = DistrictShape::Buffer;
    options.buffer_m = 2000.0;
    districts = depmap::layers::district_layer(points, clusters, options);
    reopened = write_and_reopen(districts, dir);
    check_districts(reopened, points.points, clusters);
    // Overlapping circles of 2 km: more than one circle's area, less than four apart.
    const double circle_km2 = std::numbers::pi * 4.0;
    const double buffer_km2 = districts.columns[*districts.field_index("area_km2")].real(0);
    CHECK(buffer_km2 > circle_km2);
    CHECK(buffer_km2 < 4 * circle_km2);
    // Circles of members at most 1.4 km apart merge into one piece.
    CHECK(parts(*reopened[0].geometry) == 1);
    CHECK(parts(*reopened[1].geometry) == 1);
}

TEST_CASE("districts of random clusters open as valid polygons in GDAL", "[layers][districts]") {
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> lon(105.0, 115.0), lat(40.0, 45.0);
    std::normal_distribution<double> blob(0.0, 0.05);
    depmap::layers::Layer layer;
    layer.source = "random";
    layer.kind = depmap::layers::GeometryKind::Point;
    for (int c = 0; c < 30; ++c) {
        const LonLat centre{lon(random), lat(random)};
        for (int i = 0; i < 40; ++i) layer.points.push_back({centre.lon_deg + blob(random), centre.lat_deg + blob(random)});
    }
    for (int i = 0; i < 300; ++i) layer.points.push_back({lon(random), lat(random)});
    depmap::geo::DbscanOptions dbscan;
    dbscan.eps_m = 4000.0;
    dbscan.min_points = 4;
    const auto clusters = depmap::geo::dbscan(layer.points, dbscan);
    REQUIRE(clusters.sizes.size() >= 20);
    depmap::test::ScratchDir dir;
    for (const auto shape : {DistrictShape::Hull, DistrictShape::Buffer}) {
        DistrictOptions options;
        options.shape = shape;
        options.buffer_m = 2000.0;
        if (shape == DistrictShape::Hull) options.concave_ratio = 0.5;
        const auto districts = depmap::layers::district_layer(layer, clusters, options);
        check_districts(write_and_reopen(districts, dir), layer.points, clusters);
    }
}
