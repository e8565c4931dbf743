// Every derived and query result of the bundled data says what it holds, and keeps the
// layer's invariants; an empty result is still of its kind.
#include "geo/dbscan.hpp"
#include "geo/point_index.hpp"
#include "layers/derive/buffer.hpp"
#include "layers/derive/catchment.hpp"
#include "layers/derive/clusters.hpp"
#include "layers/derive/density_grid.hpp"
#include "layers/derive/districts.hpp"
#include "layers/derive/hull.hpp"
#include "layers/gdal/overlay.hpp"
#include "layers/query/proximity.hpp"
#include "layers/query/regions.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace depmap;
using layers::GeometryKind;

namespace {

// The bundled deposits with a numeric field to total.
layers::Layer deposits(std::size_t rows) {
    auto all = layers::read_layer(test::bundled("records.csv").string());
    std::vector<std::size_t> kept;
    for (std::size_t row = 0; row < std::min(rows, all.size()); ++row) kept.push_back(row);
    auto layer = all.subset(kept);
    layers::Column tonnes(layers::FieldType::Real);
    for (std::size_t row = 0; row < layer.size(); ++row) tonnes.push(static_cast<double>(row) * 1.5);
    layer.add_field({"tonnes", layers::FieldType::Real}, std::move(tonnes));
    return layer;
}

// Each result of `points` (all of the deposits, or none), with the kind it must have.
std::vector<std::pair<layers::Layer, GeometryKind>> results(const layers::Layer& points) {
    const auto regions = layers::read_layer(test::bundled("divisions.geojson").string());
    const auto region = layers::union_of(layers::polygons_of(layers::read_layer(test::bundled("boundary.geojson").string())));
    std::vector<std::pair<layers::Layer, GeometryKind>> out;
    layers::BufferOptions buffer;
    buffer.radius_m = 5000;
    buffer.tolerance_m = 50;
    out.emplace_back(layers::buffer_layer(points, buffer, false), GeometryKind::Polygon);
    out.emplace_back(layers::buffer_layer(points, buffer, true), GeometryKind::Polygon);
    out.emplace_back(layers::hull_layer(points, {}, "commodities"), GeometryKind::Polygon);
    geo::DbscanOptions dbscan;
    dbscan.eps_m = 20000;
    const auto clusters = geo::dbscan(points.points, dbscan);
    out.emplace_back(layers::clustered_points(points, clusters), GeometryKind::Point);
    layers::DistrictTotalsOptions totals;
    totals.sum_fields = {"tonnes"};
    out.emplace_back(layers::district_totals(points, clusters, totals), GeometryKind::None);
    layers::DistrictOptions districts;
    districts.sum_fields = {"tonnes"};
    out.emplace_back(layers::district_layer(points, clusters, districts), GeometryKind::Polygon);
    layers::DensityGridOptions grid;
    grid.sum_fields = {"tonnes"};
    out.emplace_back(layers::density_grid(points, grid), GeometryKind::Polygon);
    grid.extent = {region};
    grid.grid.cell_m = 100000;
    grid.keep_empty = true;
    out.emplace_back(layers::density_grid(points, grid), GeometryKind::Polygon);
    layers::CatchmentOptions catchment;
    catchment.sum_fields = {"tonnes"};
    const std::vector<layers::Place> hubs{{"Baotou", {109.84389, 40.65222}}, {"Chifeng", {118.96361, 42.26833}}};
    out.emplace_back(layers::catchments(points, hubs, region, catchment), GeometryKind::Polygon);
    out.emplace_back(layers::assign_regions(points, regions), GeometryKind::Point);
    layers::RegionsOptions summary;
    summary.sum_fields = {"tonnes"};
    out.emplace_back(layers::summarise_regions(points, regions, summary), GeometryKind::None);
    summary.group_by = "commodities";
    out.emplace_back(layers::summarise_regions(points, regions, summary), GeometryKind::None);
    const geo::PointIndex index(points.points);
    const auto places = layers::places_of(layers::read_layer(test::bundled("cities.csv").string()));
    layers::NearOptions near;
    near.radius_m = 50000;
    near.label_queries = true;
    out.emplace_back(layers::near(points, index, places, near), GeometryKind::Point);
    out.emplace_back(layers::near_counts(index, places, 50000), GeometryKind::Point);
    out.emplace_back(layers::nearest(points, index, places, {}), GeometryKind::Point);
    return out;
}

} // namespace

TEST_CASE("results: every derived and query result keeps the invariants and says its kind", "[layers][layer]") {
    const auto points = deposits(100000);
    REQUIRE(points.size() > 400);
    for (const auto& [result, kind] : results(points)) {
        INFO(result.name);
        CHECK(result.kind == kind);
        CHECK_NOTHROW(result.check_invariants());
    }
}

TEST_CASE("results: a result of no features is still of its kind", "[layers][layer]") {
    const auto none = deposits(0);
    REQUIRE(none.size() == 0);
    for (const auto& [result, kind] : results(none)) {
        INFO(result.name);
        CHECK(result.kind == kind);
        CHECK(result.is_points() == (kind == GeometryKind::Point));
        CHECK_NOTHROW(result.check_invariants());
    }
}
