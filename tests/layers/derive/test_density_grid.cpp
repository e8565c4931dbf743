// Density grids against counts made by GDAL and GEOS themselves: features read by
// GDAL's CSV driver, tested against the divisions with OGRGeometry::Intersects, totals
// summed from GDAL's values; and the cells written to a GeoPackage and reopened by GDAL
// must be valid polygons.
#include "layers/derive/density_grid.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/gdal/ogr_geometry.hpp"
#include "layers/read/read.hpp"
#include "layers/query/regions.hpp"
#include "layers/write/write_layer.hpp"
#include "base/error.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <set>
#include <vector>

using namespace depmap;

namespace {

using Dataset = std::unique_ptr<GDALDataset, decltype(&GDALClose)>;

Dataset open_vector(const std::string& path, std::vector<const char*> open_options = {}) {
    layers::ensure_gdal();
    open_options.push_back(nullptr);
    Dataset dataset(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, open_options.data(), nullptr)),
                    GDALClose);
    REQUIRE(dataset);
    return dataset;
}

// The points of a lon/lat CSV as GDAL reads it, with one numeric field's total.
std::vector<OGRPoint> gdal_points(const std::string& csv, const char* field = nullptr, double* total = nullptr) {
    auto dataset = open_vector(csv, {"X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat", "AUTODETECT_TYPE=YES"});
    std::vector<OGRPoint> points;
    for (auto& feature : dataset->GetLayer(0)) {
        points.push_back(*feature->GetGeometryRef()->toPoint());
        if (field && total && feature->IsFieldSetAndNotNull(feature->GetFieldIndex(field)))
            *total += feature->GetFieldAsDouble(field);
    }
    return points;
}

std::int64_t total_count(const layers::Layer& grid) {
    std::int64_t total = 0;
    const auto count = *grid.field_index("count");
    for (std::size_t row = 0; row < grid.size(); ++row) total += grid.columns[count].integer(row);
    return total;
}

} // namespace

TEST_CASE("density grid: the counts add up to the features, on the fixture and the bundled data", "[layers][grid]") {
    for (const auto& path : {test::fixture("sample.csv"), test::bundled("records.csv").string()}) {
        const auto points = layers::read_layer(path);
        for (const auto shape : {geo::CellShape::Square, geo::CellShape::Hexagon}) {
            layers::DensityGridOptions options;
            options.grid = {50000.0, shape};
            const auto grid = layers::density_grid(points, options);
            CHECK(total_count(grid) == static_cast<std::int64_t>(gdal_points(path).size()));
            // No empty cell without --keep-empty; cell ids unique.
            std::set<std::string> ids;
            for (std::size_t row = 0; row < grid.size(); ++row) {
                CHECK(grid.columns[*grid.field_index("count")].integer(row) > 0);
                ids.insert(grid.columns[*grid.field_index("cell_id")].to_text(row));
            }
            CHECK(ids.size() == grid.size());
        }
    }
}

TEST_CASE("density grid: with the divisions as extent, only the features inside them count", "[layers][grid][data]") {
    const auto path = test::bundled("records.csv").string();
    const auto divisions_path = test::bundled("divisions.geojson").string();
    // Independently: GEOS, through OGR, on GDAL's own reading of both files.
    auto divisions = open_vector(divisions_path);
    std::vector<std::unique_ptr<OGRGeometry>> regions;
    for (auto& feature : divisions->GetLayer(0)) regions.emplace_back(feature->GetGeometryRef()->clone());
    std::int64_t inside = 0;
    for (const auto& point : gdal_points(path)) {
        bool in_any = false;
        for (const auto& region : regions) in_any = in_any || region->Intersects(&point);
        inside += in_any;
    }
    REQUIRE(inside > 400);

    const auto points = layers::read_layer(path);
    layers::DensityGridOptions options;
    options.extent = layers::polygons_of(layers::read_layer(divisions_path));
    for (const auto shape : {geo::CellShape::Square, geo::CellShape::Hexagon}) {
        options.grid = {25000.0, shape};
        CHECK(total_count(layers::density_grid(points, options)) == inside);
    }
    SECTION("keep_empty keeps the cells that touch the divisions, by GEOS's judgement") {
        options.keep_empty = true;
        options.grid = {100000.0, geo::CellShape::Square};
        const auto grid = layers::density_grid(points, options);
        CHECK(total_count(grid) == inside);
        // Every cell of the box's grid, tested against the divisions by GEOS.
        geo::Box box;
        for (const auto& polygon : options.extent) box.extend(geo::bounds(geo::Shape(polygon)));
        const geo::Grid all(box, options.grid);
        std::set<std::string> touching, kept;
        for (std::int32_t row = 0; row < all.rows(); ++row)
            for (std::int32_t col = 0; col < all.cols(); ++col) {
                const auto cell = layers::to_ogr(geo::MultiPolygon{all.polygon({row, col})});
                for (const auto& region : regions)
                    if (region->Intersects(cell.get())) {
                        touching.insert(geo::Grid::id({row, col}));
                        break;
                    }
            }
        for (std::size_t row = 0; row < grid.size(); ++row)
            kept.insert(grid.columns[*grid.field_index("cell_id")].to_text(row));
        CHECK(kept == touching);
        CHECK(kept.size() < all.size());
    }
    SECTION("without an extent, keep_empty keeps every cell of the grid") {
        layers::DensityGridOptions plain;
        plain.keep_empty = true;
        plain.grid = {100000.0, geo::CellShape::Hexagon};
        const auto grid = layers::density_grid(points, plain);
        CHECK(grid.size() == geo::Grid(points.extent(), plain.grid).size());
        CHECK(total_count(grid) == 487);
    }
}

TEST_CASE("density grid: sums per cell add up to the field's total", "[layers][grid]") {
    const auto path = test::fixture("sample.csv");
    double total = 0;
    gdal_points(path, "tonnage", &total);
    REQUIRE(total > 1000);
    layers::DensityGridOptions options;
    options.grid = {20000.0, geo::CellShape::Hexagon};
    options.sum_fields = {"tonnage"};
    const auto grid = layers::density_grid(layers::read_layer(path), options);
    REQUIRE(grid.field_index("sum_tonnage"));
    double summed = 0;
    for (std::size_t row = 0; row < grid.size(); ++row) summed += grid.columns[*grid.field_index("sum_tonnage")].real(row);
    CHECK(summed == Approx(total).epsilon(1e-12));
    // The outline as written: within 0.01 % of the projected cell's 20 km x 20 km.
    CHECK(grid.columns[*grid.field_index("area_km2")].real(0) == Approx(400.0).epsilon(1e-4));

    options.sum_fields = {"name"};
    CHECK_THROWS_AS(layers::density_grid(layers::read_layer(path), options), ArgumentError);
    options.sum_fields = {"nothing"};
    CHECK_THROWS_AS(layers::density_grid(layers::read_layer(path), options), ArgumentError);
}

TEST_CASE("density grid: cells written to a GeoPackage reopen as valid polygons", "[layers][grid]") {
    const test::ScratchDir dir;
    const auto points = layers::read_layer(test::bundled("records.csv").string());
    for (const auto shape : {geo::CellShape::Square, geo::CellShape::Hexagon}) {
        layers::DensityGridOptions options;
        options.grid = {30000.0, shape};
        options.keep_empty = true;
        const auto grid = layers::density_grid(points, options);
        const auto out = dir.file(shape == geo::CellShape::Square ? "squares.gpkg" : "hexagons.gpkg");
        layers::write_layer(grid, out, {});
        auto reopened = open_vector(out);
        auto* layer = reopened->GetLayer(0);
        CHECK(static_cast<std::size_t>(layer->GetFeatureCount()) == grid.size());
        std::size_t invalid = 0, seen = 0;
        std::int64_t counted = 0;
        for (auto& feature : layer) {
            ++seen;
            invalid += !feature->GetGeometryRef()->IsValid();
            counted += feature->GetFieldAsInteger64("count");
        }
        CHECK(seen == grid.size());
        CHECK(invalid == 0);
        CHECK(counted == 487);
    }
}
