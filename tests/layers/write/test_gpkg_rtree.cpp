// A GeoPackage's spatial index, packed by depmap, judged by SQLite and GDAL: SQLite's own
// rtreecheck() and integrity_check, the schema GDAL writes when it builds the index
// itself, spatial filters against a brute-force count, and edits made afterwards
// through GDAL keeping the index right (its triggers are in place).
#include "layers/gdal/gdal_session.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace depmap;

namespace {

// 20,000 points (a three-level tree of SQLite's 51-cell nodes), a tenth of them sharing
// a position, from a fixed linear congruential sequence.
layers::Layer scattered_points() {
    layers::Layer layer;
    layer.kind = layers::GeometryKind::Point;
    layer.fields = {{"id", layers::FieldType::Integer}};
    layer.columns.emplace_back(layers::FieldType::Integer);
    std::uint64_t state = 42;
    const auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
    };
    for (int i = 0; i < 20000; ++i) {
        layer.columns[0].push(std::int64_t{i});
        if (i % 10 == 9)
            layer.points.push_back(layer.points[static_cast<std::size_t>(i / 2)]);
        else
            layer.points.push_back({97.2 + 28.8 * next(), 37.4 + 15.9 * next()});
    }
    return layer;
}

std::vector<std::string> column_of(GDALDataset& dataset, const std::string& sql) {
    std::vector<std::string> values;
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    REQUIRE(result != nullptr);
    for (auto& row : *result) values.emplace_back(row->GetFieldAsString(0));
    dataset.ReleaseResultSet(result);
    return values;
}

std::string value_of(GDALDataset& dataset, const std::string& sql) {
    const auto values = column_of(dataset, sql);
    REQUIRE(values.size() == 1);
    return values.front();
}

// The index's schema: its tables, triggers and extension row, as SQL text.
std::vector<std::string> index_schema(GDALDataset& dataset) {
    auto schema = column_of(dataset, "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master "
                                     "WHERE name LIKE 'rtree_sites_geom%' ORDER BY name");
    for (const auto& row : column_of(dataset, "SELECT table_name || ' ' || column_name || ' ' || extension_name || ' ' "
                                              "|| definition || ' ' || scope FROM gpkg_extensions"))
        schema.push_back(row);
    return schema;
}

GIntBig filtered_count(OGRLayer& layer, double min_lon, double min_lat, double max_lon, double max_lat) {
    layer.SetSpatialFilterRect(min_lon, min_lat, max_lon, max_lat);
    GIntBig count = 0;
    for (auto& feature : layer) {
        (void)feature;
        ++count;
    }
    layer.SetSpatialFilter(nullptr);
    return count;
}

std::size_t brute_force_count(const layers::Layer& points, double min_lon, double min_lat, double max_lon,
                              double max_lat) {
    std::size_t count = 0;
    for (const auto& p : points.points)
        count += p.lon_deg >= min_lon && p.lon_deg <= max_lon && p.lat_deg >= min_lat && p.lat_deg <= max_lat;
    return count;
}

} // namespace

TEST_CASE("gpkg rtree: the packed index passes SQLite's checks and has GDAL's own schema", "[layers][gpkg]") {
    test::ScratchDir dir;
    const auto points = scattered_points();
    const auto path = dir.file("sites.gpkg");
    layers::write_layer(points, path, {});

    // GDAL building the same index itself, row by row, for the schema to compare.
    const auto reference = dir.file("reference.gpkg");
    {
        layers::Dataset dataset(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
            reference.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(dataset);
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        const char* options[] = {"SPATIAL_INDEX=YES", nullptr};
        OGRLayer* layer = dataset->CreateLayer("sites", &wgs84, wkbPoint, const_cast<char**>(options));
        REQUIRE(layer != nullptr);
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetGeometryDirectly(new OGRPoint(110, 40));
        REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
    }
    layers::Dataset theirs(GDALDataset::Open(reference.c_str(), GDAL_OF_VECTOR));
    layers::Dataset ours(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(theirs);
    REQUIRE(ours);

    CHECK(index_schema(*ours) == index_schema(*theirs));
    CHECK(value_of(*ours, "SELECT rtreecheck('rtree_sites_geom')") == "ok");
    CHECK(value_of(*ours, "PRAGMA integrity_check") == "ok");
    CHECK(value_of(*ours, "SELECT HasSpatialIndex('sites', 'geom')") == "1");
    CHECK(value_of(*ours, "SELECT COUNT(*) FROM rtree_sites_geom") == "20000");
    CHECK(value_of(*ours, "SELECT MAX(length(data)) FROM rtree_sites_geom_node") ==
          value_of(*theirs, "SELECT MAX(length(data)) FROM rtree_sites_geom_node"));
    // Three levels: the root's first two bytes are the depth of the tree.
    CHECK(value_of(*ours, "SELECT hex(substr(data, 1, 2)) FROM rtree_sites_geom_node WHERE nodeno = 1") == "0002");

    auto* layer = ours->GetLayerByName("sites");
    REQUIRE(layer != nullptr);
    struct Box { double min_lon, min_lat, max_lon, max_lat; };
    for (const Box box : {Box{97, 37, 127, 54}, Box{100, 40, 101, 41}, Box{110.5, 45.25, 110.75, 45.5},
                          Box{120, 38, 126, 39}, Box{97.2, 37.4, 97.3, 53.3}, Box{0, 0, 1, 1}}) {
        INFO(box.min_lon << " " << box.min_lat << " " << box.max_lon << " " << box.max_lat);
        CHECK(static_cast<std::size_t>(filtered_count(*layer, box.min_lon, box.min_lat, box.max_lon, box.max_lat)) ==
              brute_force_count(points, box.min_lon, box.min_lat, box.max_lon, box.max_lat));
    }
    // Every point found through the index by its own position, duplicates included.
    const auto& p = points.points[12345];
    CHECK(static_cast<std::size_t>(filtered_count(*layer, p.lon_deg, p.lat_deg, p.lon_deg, p.lat_deg)) ==
          brute_force_count(points, p.lon_deg, p.lat_deg, p.lon_deg, p.lat_deg));
}

TEST_CASE("gpkg rtree: edits through GDAL afterwards keep the packed index right", "[layers][gpkg]") {
    test::ScratchDir dir;
    const auto path = dir.file("sites.gpkg");
    layers::write_layer(scattered_points(), path, {});
    {
        layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(dataset);
        auto* layer = dataset->GetLayerByName("sites");
        REQUIRE(layer != nullptr);
        OGRFeature added(layer->GetLayerDefn());
        added.SetGeometryDirectly(new OGRPoint(90.5, 30.5));
        REQUIRE(layer->CreateFeature(&added) == OGRERR_NONE);
        REQUIRE(layer->DeleteFeature(1) == OGRERR_NONE);
        std::unique_ptr<OGRFeature> moved(layer->GetFeature(2));
        REQUIRE(moved);
        moved->SetGeometryDirectly(new OGRPoint(91.5, 31.5));
        REQUIRE(layer->SetFeature(moved.get()) == OGRERR_NONE);
    }
    layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    CHECK(value_of(*dataset, "SELECT rtreecheck('rtree_sites_geom')") == "ok");
    CHECK(value_of(*dataset, "SELECT COUNT(*) FROM rtree_sites_geom") == "20000");
    CHECK(value_of(*dataset, "SELECT COUNT(*) FROM rtree_sites_geom WHERE id = 1") == "0");
    auto* layer = dataset->GetLayerByName("sites");
    REQUIRE(layer != nullptr);
    CHECK(filtered_count(*layer, 90, 30, 91, 31) == 1);
    CHECK(filtered_count(*layer, 91, 31, 92, 32) == 1);
}

TEST_CASE("gpkg rtree: GDAL's own index, forced by DEPMAP_PLAIN_WRITERS=1, finds the same features", "[layers][gpkg]") {
    test::ScratchDir dir;
    const auto points = scattered_points();
    const auto path = dir.file("sites.gpkg");
    layers::WriteReport report;
    {
        struct PlainWriters {
            PlainWriters() { ::setenv("DEPMAP_PLAIN_WRITERS", "1", 1); }
            ~PlainWriters() { ::unsetenv("DEPMAP_PLAIN_WRITERS"); }
        } plain;
        report = layers::write_layer(points, path, {});
    }
    REQUIRE(report.details.size() == 1);
    CHECK(report.details.front() == "spatial index of 'sites' built by GDAL: DEPMAP_PLAIN_WRITERS is set");
    layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    CHECK(value_of(*dataset, "SELECT rtreecheck('rtree_sites_geom')") == "ok");
    CHECK(value_of(*dataset, "SELECT COUNT(*) FROM rtree_sites_geom") == "20000");
    auto* layer = dataset->GetLayerByName("sites");
    REQUIRE(layer != nullptr);
    CHECK(static_cast<std::size_t>(filtered_count(*layer, 100, 40, 101, 41)) == brute_force_count(points, 100, 40, 101, 41));
    CHECK(static_cast<std::size_t>(filtered_count(*layer, 120, 38, 126, 39)) == brute_force_count(points, 120, 38, 126, 39));
}
