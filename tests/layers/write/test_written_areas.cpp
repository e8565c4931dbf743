// Every derived polygon's area_km2 is the geodesic area of exactly the polygon a file
// holds, read back: GeoJSON at its default 7 decimals and a GeoPackage alike.
#include "geo/area.hpp"
#include "geo/dbscan.hpp"
#include "layers/derive/buffer.hpp"
#include "layers/derive/catchment.hpp"
#include "layers/derive/density_grid.hpp"
#include "layers/derive/districts.hpp"
#include "layers/derive/hull.hpp"
#include "layers/gdal/overlay.hpp"
#include "layers/read/read.hpp"
#include "layers/query/regions.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace depmap;

namespace {

void check_written_areas(const layers::Layer& derived, const std::string& what) {
    const test::ScratchDir dir;
    for (const std::string extension : {"geojson", "gpkg", "fgb"}) {
        const auto path = dir.file("derived." + extension);
        layers::write_layer(derived, path, {});
        const auto reread = layers::read_layer(path);
        REQUIRE(reread.size() == derived.size());
        const auto area = reread.field_index("area_km2");
        REQUIRE(area);
        for (std::size_t row = 0; row < reread.size(); ++row) {
            const auto& polygons = std::get<geo::MultiPolygon>(reread.shapes[row]);
            const double written_km2 = geo::area_m2(polygons) / 1e6;
            INFO(what << " in ." << extension << ", feature " << row + 1);
            CHECK(reread.columns[*area].real(row) == Approx(written_km2).epsilon(1e-9).margin(0));
        }
    }
}

} // namespace

TEST_CASE("area_km2 is the geodesic area of the polygon as written", "[layers][area]") {
    const auto deposits = layers::read_layer(test::bundled("records.csv"));
    // Hulls by commodity: Tin, Cadmium and Molybdenum are strips and discs 2 m across.
    check_written_areas(layers::hull_layer(deposits, {}, "commodities"), "hulls by commodity");
    check_written_areas(layers::hull_layer(deposits, {0.3}, "commodities"), "concave hulls");

    const auto some = deposits.subset(std::vector<std::size_t>{0, 1, 2, 3, 40, 41});
    check_written_areas(layers::buffer_layer(some, {5000.0, 1.0}, false), "buffers");
    check_written_areas(layers::buffer_layer(some, {20000.0, 1.0}, true), "dissolved buffers");

    const auto clusters = geo::dbscan(deposits.points, {25000.0, 3});
    check_written_areas(layers::district_layer(deposits, clusters, {}), "districts as hulls");
    layers::DistrictOptions buffered;
    buffered.shape = layers::DistrictShape::Buffer;
    buffered.buffer_m = 5000.0;
    check_written_areas(layers::district_layer(deposits, clusters, buffered), "districts as buffers");

    const std::vector<layers::Place> hubs{{"Baotou", {109.84389, 40.65222}}, {"Chifeng", {118.88694, 42.25778}},
                                        {"Hulunbuir", {119.76583, 49.21167}}};
    const auto region = layers::union_of(layers::polygons_of(layers::read_layer(test::bundled("boundary.geojson"))));
    check_written_areas(layers::catchments(deposits, hubs, region, {}), "catchments");

    layers::DensityGridOptions grid;
    grid.grid.cell_m = 50000.0;
    check_written_areas(layers::density_grid(deposits, grid), "a density grid");
    grid.grid.shape = geo::CellShape::Hexagon;
    check_written_areas(layers::density_grid(deposits, grid), "a hexagonal grid");
}
