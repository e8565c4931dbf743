// Files written by GDAL's own translator (ogr2ogr's library form), read back by depmap.
#include "base/error.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <gdal_utils.h>
#include <gdal.h>

#include <algorithm>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

// ogr2ogr <args> dest sample.csv, with the CSV read as points in EPSG:4326.
void ogr2ogr(const std::string& dest, std::vector<std::string> args,
             const std::string& source = depmap::test::fixture("sample.csv")) {
    layers::ensure_gdal();
    const char* open_options[] = {"X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat",
                                  "AUTODETECT_TYPE=YES", nullptr};
    GDALDatasetH src = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR, nullptr, open_options, nullptr);
    REQUIRE(src != nullptr);
    const bool reprojects = std::find(args.begin(), args.end(), "-t_srs") != args.end();
    args.insert(args.begin(), {reprojects ? "-s_srs" : "-a_srs", "EPSG:4326"});
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    int usage_error = 0;
    GDALDatasetH out = GDALVectorTranslate(dest.c_str(), nullptr, 1, &src, options, &usage_error);
    GDALVectorTranslateOptionsFree(options);
    REQUIRE(out != nullptr);
    GDALClose(out);
    GDALClose(src);
}

// The row with this id: FlatGeobuf's spatial index reorders features.
std::size_t row_of(const layers::Layer& layer, const std::string& id) {
    const auto& ids = layer.columns[*layer.field_index("id")];
    for (std::size_t row = 0; row < layer.size(); ++row)
        if (ids.to_text(row) == id) return row;
    FAIL("no feature with id " << id);
    return 0;
}

void check_sample(const layers::Layer& layer, double tolerance_deg) {
    REQUIRE(layer.size() == 5);
    REQUIRE(layer.is_points());
    const auto zh = layer.field_index("name_zh");
    REQUIRE(zh);
    const auto s1 = row_of(layer, "S1");
    CHECK(layer.columns[*zh].to_text(s1) == "白云鄂博主矿");
    CHECK(layer.columns[*layer.field_index("name")].to_text(row_of(layer, "S3")) == "Huogeqi, Cu-Pb-Zn");
    CHECK(layer.points[s1].lon_deg == Approx(109.974444).margin(tolerance_deg));
    CHECK(layer.points[s1].lat_deg == Approx(41.799167).margin(tolerance_deg));
    CHECK(layer.points[row_of(layer, "S5")].lon_deg == Approx(112.0).margin(tolerance_deg));
}

} // namespace

TEST_CASE("ogr: every format ogr2ogr writes reads back with the same features", "[layers][ogr]") {
    depmap::test::ScratchDir dir;
    const std::vector<std::pair<std::string, std::string>> formats{
        {"GeoJSON", "sample.geojson"}, {"ESRI Shapefile", "sample.shp"},
        {"GPKG", "sample.gpkg"},       {"KML", "sample.kml"},
        {"FlatGeobuf", "sample.fgb"},
    };
    for (const auto& [driver, file] : formats) {
        INFO(driver);
        std::vector<std::string> args{"-f", driver};
        if (driver == "ESRI Shapefile") args.insert(args.end(), {"-lco", "ENCODING=UTF-8"});
        ogr2ogr(dir.file(file), args);
        const auto layer = layers::read_layer(dir.file(file));
        CHECK(layer.driver == (driver == "KML" ? "LIBKML" : driver));
        CHECK(layer.crs == "EPSG:4326");
        check_sample(layer, 1e-9);
    }
}

TEST_CASE("ogr: a projected GeoPackage comes back in WGS84", "[layers][ogr][crs]") {
    depmap::test::ScratchDir dir;
    ogr2ogr(dir.file("utm.gpkg"), {"-f", "GPKG", "-t_srs", "EPSG:32649"});
    const auto layer = layers::read_layer(dir.file("utm.gpkg"));
    CHECK(layer.crs == "EPSG:32649");
    check_sample(layer, 1e-7);
}

TEST_CASE("ogr: choosing a layer of a multi-layer GeoPackage", "[layers][ogr]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.file("two.gpkg");
    ogr2ogr(path, {"-f", "GPKG", "-nln", "deposits"});
    ogr2ogr(path, {"-f", "GPKG", "-update", "-nln", "mines", "-where", "commodities = 'Coal'"});

    layers::ReadOptions options;
    options.layer_name = "mines";
    const auto mines = layers::read_layer(path, options);
    CHECK(mines.name == "mines");
    CHECK(mines.size() == 1);

    CHECK_THROWS_WITH(layers::read_layer(path), Contains("holds 2 layers (deposits, mines); choose one with `layer_name`"));
    options.layer_name = "nope";
    CHECK_THROWS_WITH(layers::read_layer(path, options), Contains("no layer named 'nope'; its layers are: deposits, mines"));
}

TEST_CASE("ogr: a Shapefile without .prj is read as EPSG:4326 with a note", "[layers][ogr][crs]") {
    depmap::test::ScratchDir dir;
    ogr2ogr(dir.file("noprj.shp"), {"-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8"});
    std::filesystem::remove(dir.file("noprj.prj"));
    const auto layer = layers::read_layer(dir.file("noprj.shp"));
    CHECK(layer.crs.empty());
    REQUIRE(layer.notes.size() == 1);
    CHECK_THAT(layer.notes[0], Contains("names no CRS; reading it as EPSG:4326"));
    CHECK(layer.size() == 5);
}

TEST_CASE("ogr: features without geometry are errors, or skipped", "[layers][ogr]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.write("nogeom.geojson", R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Point","coordinates":[109.9,41.8]}},
        {"type":"Feature","properties":{"name":"b"},"geometry":null}]})");
    CHECK_THROWS_WITH(layers::read_layer(path), Contains("nogeom.geojson:feature 1: the feature has no geometry"));
    layers::ReadOptions options;
    options.on_error = layers::OnError::Skip;
    const auto layer = layers::read_layer(path, options);
    CHECK(layer.size() == 1);
    CHECK(layer.skipped.by_reason.at("no geometry") == 1);
}

TEST_CASE("ogr: missing files and unknown formats", "[layers][ogr]") {
    CHECK_THROWS_WITH(layers::read_layer("/nonexistent/deposits.gpkg"), Contains("/nonexistent/deposits.gpkg: no such file"));
    CHECK_THROWS_WITH(layers::read_layer(depmap::test::fixture("not_geodata.xyz")), Contains("not a vector format GDAL can read"));
}
