// Every format depmap writes, read back through GDAL itself (not depmap's reader):
// the same features, the same attribute values (Chinese text included), the same
// positions within the format's stated precision; and the faults that must leave the
// destination as it was.
#include "base/error.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/read/read.hpp"
#include "layers/text/text_output.hpp"
#include "layers/write/write_layer.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace depmap;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

using test::listing;
using test::slurp;

// Four sites with the values that formats lose: Chinese text, 15 significant digits
// (GDAL's GeoJSON and KML writers carry no more), a 64-bit integer, nulls, and names
// longer than a dBASE field name.
layers::Layer sample_points() {
    layers::Layer layer;
    layer.kind = layers::GeometryKind::Point;
    layer.fields = {{"id", layers::FieldType::String},
                    {"name", layers::FieldType::String},
                    {"name_zh", layers::FieldType::String},
                    {"tonnage", layers::FieldType::Real},
                    {"reserve_count", layers::FieldType::Integer},
                    {"commodities_primary", layers::FieldType::String},
                    {"commodities_secondary", layers::FieldType::String}};
    for (const auto& field : layer.fields) layer.columns.emplace_back(field.type);
    auto& c = layer.columns;
    const auto add = [&](const char* id, const char* name, const char* zh, double tonnage,
                         std::int64_t count, const char* primary, double lon, double lat) {
        c[0].push(std::string_view(id));
        c[1].push(std::string_view(name));
        if (zh) c[2].push(std::string_view(zh)); else c[2].push_null();
        if (std::isnan(tonnage)) c[3].push_null(); else c[3].push(tonnage);
        c[4].push(count);
        c[5].push(std::string_view(primary));
        c[6].push_null();
        layer.points.push_back({lon, lat});
    };
    add("IM-1", "Bayan Obo", "白云鄂博", 0.1, 1, "REE", 109.974444444444, 41.7991666666667);
    add("IM-2", "Baotou \"Steel\", plant", "包头钢铁", 1234567.89012345, 5000000000LL, "Fe", 109.740898, 40.647997);
    add("IM-3", "Erenhot", nullptr, -0.000123, -42, "U", 111.9772, 43.6475);
    add("IM-4", "Sulinheer", "苏尼特", std::nan(""), 0, "Au", 113.0, 44.25);
    return layer;
}

// A square with a square hole, and a two-part multipolygon.
layers::Layer sample_polygons() {
    layers::Layer layer;
    layer.fields = {{"name", layers::FieldType::String}, {"count", layers::FieldType::Integer}};
    for (const auto& field : layer.fields) layer.columns.emplace_back(field.type);
    geo::Polygon holed;
    holed.outer() = {{110, 40}, {112, 40}, {112, 42}, {110, 42}, {110, 40}};
    holed.inners().push_back({{110.5, 40.5}, {110.5, 41.5}, {111.5, 41.5}, {111.5, 40.5}, {110.5, 40.5}});
    geo::Polygon a, b;
    a.outer() = {{100, 45}, {101, 45}, {101, 46}, {100, 46}, {100, 45}};
    b.outer() = {{102, 45}, {103, 45}, {103, 46}, {102, 46}, {102, 45}};
    layer.shapes = {geo::MultiPolygon{holed}, geo::MultiPolygon{a, b}};
    layer.columns[0].push(std::string_view("包头 district"));
    layer.columns[0].push(std::string_view("two parts"));
    layer.columns[1].push(std::int64_t{3});
    layer.columns[1].push(std::int64_t{0});
    layer.kind = layers::GeometryKind::Polygon;
    return layer;
}

struct ReadBack {
    std::vector<std::map<std::string, std::string>> rows;  // field -> value as GDAL gives it; absent: null
    std::vector<std::map<std::string, double>> reals;
    std::vector<std::unique_ptr<OGRGeometry>> geometries;
    std::string crs;
};

ReadBack read_back(const std::string& path, const std::string& layer_name = {}) {
    layers::ensure_gdal();
    layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(dataset);
    auto* layer = layer_name.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(layer_name.c_str());
    REQUIRE(layer != nullptr);
    ReadBack out;
    if (const auto* srs = layer->GetSpatialRef()) {
        const char* authority = srs->GetAuthorityCode(nullptr);
        out.crs = authority ? authority : "";
    }
    for (auto& feature : *layer) {
        std::map<std::string, std::string> row;
        std::map<std::string, double> reals;
        for (int i = 0; i < feature->GetFieldCount(); ++i) {
            if (!feature->IsFieldSetAndNotNull(i)) continue;
            const std::string name = feature->GetFieldDefnRef(i)->GetNameRef();
            row[name] = feature->GetFieldAsString(i);
            reals[name] = feature->GetFieldAsDouble(i);
        }
        out.rows.push_back(row);
        out.reals.push_back(reals);
        out.geometries.emplace_back(feature->GetGeometryRef() ? feature->GetGeometryRef()->clone() : nullptr);
    }
    return out;
}

// The features in id order: FlatGeobuf's spatial index sorts them.
std::vector<std::size_t> id_order(const ReadBack& back) {
    std::vector<std::size_t> order(back.rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return back.rows[a].at("id") < back.rows[b].at("id"); });
    return order;
}

// Checks the sample points came back whole; `names` maps field names to the file's.
void check_points(const ReadBack& back, double tolerance_deg, std::map<std::string, std::string> names = {}) {
    const auto name = [&](const std::string& field) { return names.count(field) ? names[field] : field; };
    REQUIRE(back.rows.size() == 4);
    const auto order = id_order(back);
    const auto row = [&](std::size_t i) -> const auto& { return back.rows[order[i]]; };
    const auto real = [&](std::size_t i) -> const auto& { return back.reals[order[i]]; };
    CHECK(row(0).at(name("name_zh")) == "白云鄂博");
    CHECK(row(1).at(name("name")) == "Baotou \"Steel\", plant");
    CHECK(row(2).count(name("name_zh")) == 0);  // null stays null
    CHECK(real(0).at(name("tonnage")) == 0.1);
    CHECK(real(1).at(name("tonnage")) == 1234567.89012345);
    CHECK(real(2).at(name("tonnage")) == -0.000123);
    CHECK(row(3).count(name("tonnage")) == 0);
    CHECK(row(1).at(name("reserve_count")) == "5000000000");
    CHECK(row(2).at(name("reserve_count")) == "-42");
    const auto expected = sample_points().points;
    for (std::size_t i = 0; i < 4; ++i) {
        REQUIRE(back.geometries[order[i]]);
        const auto* point = back.geometries[order[i]]->toPoint();
        CHECK(std::abs(point->getX() - expected[i].lon_deg) <= tolerance_deg);
        CHECK(std::abs(point->getY() - expected[i].lat_deg) <= tolerance_deg);
    }
}

} // namespace

TEST_CASE("write: GeoJSON is RFC 7946 with 7 decimals and every value", "[layers][write]") {
    test::ScratchDir dir;
    const auto path = dir.file("sites.geojson");
    layers::write_layer(sample_points(), path, {});
    check_points(read_back(path), 0.5e-7);
    const auto text = slurp(path);
    CHECK_THAT(text, Contains("\"bbox\""));
    CHECK(text.find("\"crs\"") == std::string::npos);
    CHECK_THAT(text, Contains("109.9744444"));
    CHECK(text.find("109.97444444") == std::string::npos);  // 7 decimals, not 8
}

// GDAL 3.6 printing exactly 7 decimals takes a run of 9s for noise: 101.499999 became 101.5.
TEST_CASE("write: GeoJSON keeps a coordinate that ends in 9s", "[layers][write]") {
    test::ScratchDir dir;
    layers::Layer layer;
    layer.kind = layers::GeometryKind::Point;
    layer.fields = {{"id", layers::FieldType::Integer}};
    layer.columns.emplace_back(layers::FieldType::Integer);
    layer.columns[0].push(std::int64_t{1});
    layer.points.push_back({101.499999, 41.9999999});
    for (const auto* name : {"nines.geojson", "nines.geojsonl"}) {
        layers::write_layer(layer, dir.file(name), {});
        const auto text = slurp(dir.file(name));
        CHECK_THAT(text, Contains("[ 101.499999, 41.9999999 ]"));
    }
    auto polygons = sample_polygons();
    std::get<geo::MultiPolygon>(polygons.shapes[0])[0].outer()[1].lon_deg = 112.4999999;
    layers::write_layer(polygons, dir.file("areas.geojson"), {});
    CHECK_THAT(slurp(dir.file("areas.geojson")), Contains("[ 112.4999999, 40.0 ]"));
}

TEST_CASE("write: GeoPackage, FlatGeobuf, Shapefile and CSV keep all 17 digits of a double", "[layers][write]") {
    test::ScratchDir dir;
    auto layer = sample_points();
    layers::Column exact(layers::FieldType::Real);
    for (const double value : {0.30000000000000004, 1234567.890123456, -1e-12, 6.02214076e23})
        exact.push(value);
    layer.add_field({"exact", layers::FieldType::Real}, std::move(exact));
    for (const auto* name : {"e.gpkg", "e.fgb", "e.shp"}) {
        INFO(name);
        layers::write_layer(layer, dir.file(name), {});
        const auto back = read_back(dir.file(name));
        const auto order = id_order(back);
        CHECK(back.reals[order[0]].at("exact") == 0.30000000000000004);
        CHECK(back.reals[order[1]].at("exact") == 1234567.890123456);
        CHECK(back.reals[order[2]].at("exact") == -1e-12);
        CHECK(back.reals[order[3]].at("exact") == 6.02214076e23);
    }
    layers::write_layer(layer, dir.file("e.csv"), {});
    CHECK_THAT(slurp(dir.file("e.csv")), Contains(",0.30000000000000004\n"));
}

TEST_CASE("write: GeoJSON precision sets the decimals, and other CRSs are refused", "[layers][write]") {
    test::ScratchDir dir;
    layers::WriteOptions options;
    options.precision = 3;
    layers::write_layer(sample_points(), dir.file("a.geojson"), options);
    CHECK_THAT(slurp(dir.file("a.geojson")), Contains("109.974,"));
    options.crs = "EPSG:32649";
    CHECK_THROWS_AS(layers::write_layer(sample_points(), dir.file("b.geojson"), options), ArgumentError);
    CHECK_THROWS_WITH(layers::write_layer(sample_points(), dir.file("b.geojson"), options),
                      Contains("GeoPackage"));
    CHECK_FALSE(fs::exists(dir.file("b.geojson")));
}

TEST_CASE("write: GeoJSON polygons keep their hole and parts, outer rings counter-clockwise", "[layers][write]") {
    test::ScratchDir dir;
    const auto path = dir.file("areas.geojson");
    layers::write_layer(sample_polygons(), path, {});
    const auto back = read_back(path);
    REQUIRE(back.rows.size() == 2);
    CHECK(back.rows[0].at("name") == "包头 district");
    const auto* holed = back.geometries[0]->toPolygon();
    CHECK(holed->getNumInteriorRings() == 1);
    CHECK_FALSE(holed->getExteriorRing()->isClockwise());
    CHECK(holed->getInteriorRing(0)->isClockwise());
    CHECK(back.geometries[1]->toMultiPolygon()->getNumGeometries() == 2);
}

TEST_CASE("write: GeoJSONSeq writes one feature per line", "[layers][write]") {
    test::ScratchDir dir;
    const auto path = dir.file("sites.geojsonl");
    layers::write_layer(sample_points(), path, {});
    check_points(read_back(path), 0.5e-7);
    const auto text = slurp(path);
    CHECK(std::count(text.begin(), text.end(), '\n') == 4);
}

TEST_CASE("write: Shapefile is UTF-8 with .cpg and .prj, exact values, short names mapped", "[layers][write]") {
    test::ScratchDir dir;
    const auto path = dir.file("sites.shp");
    const auto report = layers::write_layer(sample_points(), path, {});
    CHECK(slurp(dir.file("sites.cpg")) == "UTF-8");
    CHECK_THAT(slurp(dir.file("sites.prj")), Contains("WGS_1984"));
    // The two long names share their first 10 characters: the second is numbered.
    CHECK(slurp(dir.file("sites.fields.csv")) ==
          "field,shapefile_field\nid,id\nname,name\nname_zh,name_zh\ntonnage,tonnage\n"
          "reserve_count,reserve_co\ncommodities_primary,commoditie\ncommodities_secondary,commodit_1\n");
    CHECK(report.notes.size() == 4);
    const auto back = read_back(path);
    check_points(back, 0, {{"reserve_count", "reserve_co"}});
    CHECK(back.rows[0].at("commoditie") == "REE");
    CHECK(back.crs == "4326");
}

TEST_CASE("write: Shapefile polygons keep holes and parts", "[layers][write]") {
    test::ScratchDir dir;
    layers::write_layer(sample_polygons(), dir.file("areas.shp"), {});
    const auto back = read_back(dir.file("areas.shp"));
    REQUIRE(back.rows.size() == 2);
    CHECK(back.rows[0].at("name") == "包头 district");
    CHECK(back.geometries[0]->toPolygon()->getNumInteriorRings() == 1);
    CHECK(back.geometries[1]->toMultiPolygon()->getNumGeometries() == 2);
}

TEST_CASE("write: GeoPackage holds several layers, appends, and refuses a taken name without -O", "[layers][write]") {
    test::ScratchDir dir;
    const auto path = dir.file("map.gpkg");
    const auto points = sample_points();
    const auto polygons = sample_polygons();
    layers::write_layers({{&points, "deposits", {}}, {&polygons, "areas", {}}}, path, {});
    check_points(read_back(path, "deposits"), 0);
    CHECK(read_back(path, "areas").rows.size() == 2);

    layers::WriteOptions append;
    append.append = true;
    layers::write_layers({{&polygons, "more", {}}}, path, append);
    CHECK(read_back(path, "more").rows.size() == 2);
    CHECK(read_back(path, "deposits").rows.size() == 4);

    const auto before = slurp(path);
    CHECK_THROWS_WITH(layers::write_layers({{&polygons, "deposits", {}}}, path, append),
                      Contains("already has a layer 'deposits'"));
    CHECK(slurp(path) == before);
    append.overwrite = true;
    layers::write_layers({{&polygons, "deposits", {}}}, path, append);
    CHECK(read_back(path, "deposits").rows.size() == 2);
    CHECK(read_back(path, "areas").rows.size() == 2);
}

TEST_CASE("write: GeoPackage has its spatial index", "[layers][write]") {
    test::ScratchDir dir;
    const auto path = dir.file("sites.gpkg");
    layers::write_layer(sample_points(), path, {});
    layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    auto* result = dataset->ExecuteSQL("SELECT COUNT(*) FROM rtree_sites_geom", nullptr, nullptr);
    REQUIRE(result != nullptr);
    std::unique_ptr<OGRFeature> row(result->GetNextFeature());
    CHECK(row->GetFieldAsInteger(0) == 4);
    dataset->ReleaseResultSet(result);
}

TEST_CASE("write: a result with no features keeps the geometry type it declares", "[layers][write]") {
    test::ScratchDir dir;
    auto hulls = sample_polygons();
    hulls = hulls.subset(std::vector<std::size_t>{});
    hulls.geometry_type = "MultiPolygon";
    for (const char* name : {"hulls.gpkg", "hulls.fgb", "hulls.shp"}) {
        const auto path = dir.file(name);
        layers::write_layer(hulls, path, {});
        layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
        REQUIRE(dataset);
        auto* layer = dataset->GetLayer(0);
        CHECK(layer->GetFeatureCount() == 0);
        // A Shapefile has one polygon type for single and multi parts.
        CHECK(wkbFlatten(layer->GetGeomType()) == (fs::path(name).extension() == ".shp" ? wkbPolygon : wkbMultiPolygon));
    }
}

TEST_CASE("write: an empty result of polygons is written as polygons, not points", "[layers][write]") {
    test::ScratchDir dir;
    // What a buffer of no features starts from: of the polygon kind, with no type read.
    auto buffers = sample_points().empty_like(layers::GeometryKind::Polygon);
    buffers.fields = {{"area_km2", layers::FieldType::Real}};
    buffers.columns.emplace_back(layers::FieldType::Real);
    for (const char* name : {"buffers.gpkg", "buffers.shp", "buffers.fgb"}) {
        const auto path = dir.file(name);
        layers::write_layer(buffers, path, {});
        layers::Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
        REQUIRE(dataset);
        CHECK(wkbFlatten(dataset->GetLayer(0)->GetGeomType()) == wkbPolygon);
    }
    // Its text says so too: a WKT column, not lon and lat.
    std::ostringstream csv;
    layers::write_csv(buffers, csv);
    CHECK(csv.str() == "wkt,area_km2\n");
    layers::write_layer(buffers, dir.file("buffers.csv"), {});
    std::ifstream written(dir.file("buffers.csv"));
    std::string header;
    std::getline(written, header);
    CHECK(header == "wkt,area_km2");
}

TEST_CASE("write: a polygon layer read with no features is rewritten as polygons", "[layers][write]") {
    test::ScratchDir dir;
    auto hulls = sample_polygons().subset(std::vector<std::size_t>{});
    hulls.geometry_type = "MultiPolygon";
    layers::write_layer(hulls, dir.file("none.gpkg"), {});
    const auto read = layers::read_layer(dir.file("none.gpkg"));
    CHECK(read.kind == layers::GeometryKind::Polygon);
    CHECK(read.geometry_type == "MultiPolygon");
    layers::write_layer(read, dir.file("again.gpkg"), {});
    layers::Dataset dataset(GDALDataset::Open(dir.file("again.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(dataset);
    CHECK(wkbFlatten(dataset->GetLayer(0)->GetGeomType()) == wkbMultiPolygon);
}

TEST_CASE("write: FlatGeobuf, KML and CSV read back whole", "[layers][write]") {
    test::ScratchDir dir;
    layers::write_layer(sample_points(), dir.file("sites.fgb"), {});
    check_points(read_back(dir.file("sites.fgb")), 0);

    layers::write_layer(sample_points(), dir.file("sites.csv"), {});
    const auto csv = slurp(dir.file("sites.csv"));
    CHECK_THAT(csv, Contains("\n109.974444444444,41.7991666666667,IM-1,"));  // as held, every digit
    CHECK_THAT(csv, Contains("白云鄂博"));
    CHECK_THAT(csv, Contains("\"Baotou \"\"Steel\"\", plant\""));

    layers::write_layer(sample_points(), dir.file("sites.kml"), {});
    const auto kml = read_back(dir.file("sites.kml"));
    REQUIRE(kml.rows.size() == 4);
    CHECK(kml.rows[0].at("Name") == "Bayan Obo");
    CHECK(kml.rows[0].at("name_zh") == "白云鄂博");
}

TEST_CASE("write: an output crs reprojects to the positions cs2cs gives", "[layers][write]") {
    test::ScratchDir dir;
    layers::WriteOptions options;
    options.crs = "EPSG:32649";
    layers::write_layer(sample_points(), dir.file("utm.gpkg"), options);
    const auto back = read_back(dir.file("utm.gpkg"));
    CHECK(back.crs == "32649");
    FILE* pipe = popen("echo '109.974444444444 41.7991666666667' | cs2cs -f %.6f OGC:CRS84 EPSG:32649", "r");
    REQUIRE(pipe != nullptr);
    double x = 0, y = 0;
    REQUIRE(std::fscanf(pipe, "%lf %lf", &x, &y) == 2);
    pclose(pipe);
    const auto* point = back.geometries[0]->toPoint();
    CHECK(point->getX() == Approx(x).margin(1e-6));
    CHECK(point->getY() == Approx(y).margin(1e-6));
}

TEST_CASE("write: an existing output is refused without overwrite and left alone", "[layers][write]") {
    test::ScratchDir dir;
    const auto path = dir.write("sites.geojson", "keep me");
    CHECK_THROWS_WITH(layers::write_layer(sample_points(), path, {}), Contains("pass `overwrite` to replace it"));
    CHECK(slurp(path) == "keep me");
    // A sidecar of the same name counts too.
    dir.write("other.dbf", "keep me too");
    CHECK_THROWS_WITH(layers::write_layer(sample_points(), dir.file("other.shp"), {}), Contains("other.dbf"));
    CHECK(listing(dir.file("")) == std::vector<std::string>{"other.dbf", "sites.geojson"});
    layers::WriteOptions overwrite;
    overwrite.overwrite = true;
    layers::write_layer(sample_points(), path, overwrite);
    check_points(read_back(path), 0.5e-7);
}

TEST_CASE("write: an overwritten Shapefile loses the stale sidecars of the old one", "[layers][write]") {
    test::ScratchDir dir;
    layers::write_layer(sample_points(), dir.file("a.shp"), {});
    REQUIRE(fs::exists(dir.file("a.fields.csv")));
    layers::WriteOptions overwrite;
    overwrite.overwrite = true;
    layers::write_layer(sample_polygons(), dir.file("a.shp"), overwrite);
    CHECK_FALSE(fs::exists(dir.file("a.fields.csv")));  // the new fields fit: no mapping
    CHECK(read_back(dir.file("a.shp")).rows.size() == 2);
}

TEST_CASE("write: a value too wide for a Shapefile is an error that leaves nothing", "[layers][write]") {
    test::ScratchDir dir;
    auto layer = sample_points();
    layers::Column wide(layers::FieldType::String);
    const std::string long_text(300, 'x');
    for (std::size_t i = 0; i < layer.size(); ++i) wide.push(std::string_view(long_text));
    layer.add_field({"notes", layers::FieldType::String}, std::move(wide));
    CHECK_THROWS_WITH(layers::write_layer(layer, dir.file("sites.shp"), {}),
                      Contains("field 'notes' row 1") && Contains("254"));
    CHECK(listing(dir.file("")).empty());
}

TEST_CASE("write: a mixed-geometry layer is refused by Shapefile and leaves nothing", "[layers][write]") {
    test::ScratchDir dir;
    auto layer = sample_polygons();
    layer.shapes[1] = geo::MultiPoint{{100, 45}};
    CHECK_THROWS_WITH(layers::write_layer(layer, dir.file("mixed.shp"), {}),
                      Contains("mixes geometry types") && Contains("GeoPackage"));
    CHECK(listing(dir.file("")).empty());
    layers::write_layer(layer, dir.file("mixed.gpkg"), {});  // a GeoPackage takes it
    CHECK(read_back(dir.file("mixed.gpkg")).rows.size() == 2);
}

TEST_CASE("write: a destination that cannot be written is a clear error", "[layers][write]") {
    // /proc refuses new files even to root.
    CHECK_THROWS_AS(layers::write_layer(sample_points(), "/proc/depmap-sites.gpkg", {}), OutputError);
    CHECK_THROWS_WITH(layers::write_layer(sample_points(), "/proc/depmap-sites.geojson", {}),
                      Contains("/proc/depmap-sites.geojson") && Contains("cannot write there"));
    CHECK_FALSE(fs::exists("/proc/depmap-sites.gpkg"));
}

TEST_CASE("write: the format comes from the extension, and unknown ones are named", "[layers][write]") {
    CHECK(layers::format_for_path("a/b.GPKG") == layers::FileFormat::GeoPackage);
    CHECK(layers::format_for_path("x.geojsonl") == layers::FileFormat::GeoJsonSeq);
    CHECK(layers::format_named("GeoPackage") == layers::FileFormat::GeoPackage);
    CHECK(layers::format_named("ESRI Shapefile") == layers::FileFormat::Shapefile);
    CHECK_THROWS_WITH(layers::format_for_path("x.docx"), Contains(".gpkg") && Contains("or give `format`"));
}

namespace {

layers::Layer with_commodities() {
    auto layer = sample_points();
    layers::Column commodities(layers::FieldType::String);
    commodities.push(std::string_view("Rare Earth Elements;Niobium"));
    commodities.push(std::string_view("Iron"));
    commodities.push(std::string_view("Unobtainium"));
    commodities.push_null();
    layer.add_field({"commodities", layers::FieldType::String}, std::move(commodities));
    return layer;
}

} // namespace

TEST_CASE("write: KML placemarks carry their first commodity's colour", "[layers][write]") {
    test::ScratchDir dir;
    layers::write_layer(with_commodities(), dir.file("sites.kml"), {});
    const auto kml = slurp(dir.file("sites.kml"));
    // Rare earths are Okabe-Ito reddish purple #cc79a7, Iron vermilion #d55e00; KML is aabbggrr.
    CHECK_THAT(kml, Contains("<Style id=\"commodity-Rare_Earth_Elements\"><IconStyle><color>ffa779cc</color>"));
    CHECK_THAT(kml, Contains("<Style id=\"commodity-Iron\"><IconStyle><color>ff005ed5</color>"));
    const auto first = kml.find("<Placemark>");
    CHECK(kml.find("<styleUrl>#commodity-Rare_Earth_Elements</styleUrl>", first) < kml.find("<Placemark>", first + 1));
    std::size_t count = 0;
    for (auto at = kml.find("<styleUrl>"); at != std::string::npos; at = kml.find("<styleUrl>", at + 1)) ++count;
    CHECK(count == 4);
    CHECK(read_back(dir.file("sites.kml")).rows.size() == 4);  // GDAL still reads it whole
}

TEST_CASE("write: a style goes beside the file, into a GeoPackage, and names a Shapefile's fields as written", "[layers][write]") {
    test::ScratchDir dir;
    const auto layer = with_commodities();
    layers::write_layer(layer, dir.file("sites.geojson"), {}, layers::StyleOptions{});
    CHECK_THAT(slurp(dir.file("sites.qml")), Contains("categorizedSymbol"));

    // sites.qml is taken now: a style beside is part of the output, and is not overwritten.
    CHECK_THROWS_WITH(layers::write_layer(layer, dir.file("sites.gpkg"), {}, layers::StyleOptions{}),
                      Contains("sites.qml: exists already"));
    layers::write_layer(layer, dir.file("package.gpkg"), {}, layers::StyleOptions{});
    CHECK(fs::exists(dir.file("package.qml")));
    layers::Dataset gpkg(GDALDataset::Open(dir.file("package.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(gpkg);
    auto* styles = gpkg->GetLayerByName("layer_styles");
    REQUIRE(styles != nullptr);
    CHECK(styles->GetFeatureCount() == 1);
    std::unique_ptr<OGRFeature> style(styles->GetNextFeature());
    CHECK(std::string(style->GetFieldAsString("f_table_name")) == "package");
    CHECK_THAT(style->GetFieldAsString("styleQML"), Contains("categorizedSymbol"));

    layers::write_layer(layer, dir.file("short.shp"), {}, layers::StyleOptions{});
    // commodities_primary took "commoditie" and commodities_secondary "commodit_1".
    CHECK_THAT(slurp(dir.file("short.fields.csv")), Contains("\ncommodities,commodit_2\n"));
    const auto qml = slurp(dir.file("short.qml"));
    CHECK_THAT(qml, Contains("&quot;commodit_2&quot;"));
    CHECK(qml.find("\"commodities\"") == std::string::npos);
}

TEST_CASE("write: a large point layer is written in parts on all cores and comes back whole, in order",
          "[layers][write][parallel]") {
    // 120,000 points: GeoJSON and KML are written as parts at once and joined, CSV as
    // blocks formatted at once and written in order.
    layers::Layer layer;
    layer.kind = layers::GeometryKind::Point;
    layer.fields = {{"id", layers::FieldType::Integer}, {"name", layers::FieldType::String},
                    {"commodity", layers::FieldType::String}};
    for (const auto& field : layer.fields) layer.columns.emplace_back(field.type);
    const std::size_t n = 120000;
    const std::array<const char*, 3> commodities{"Rare Earth Elements", "Iron", "Coal"};
    for (std::size_t i = 0; i < n; ++i) {
        layer.columns[0].push(static_cast<std::int64_t>(i));
        layer.columns[1].push(std::string_view(i % 7 == 0 ? "白云鄂博矿" : "site"));
        layer.columns[2].push(std::string_view(commodities[(i % 7) % 3]));
        layer.points.push_back({100.0 + static_cast<double>(i) * 1e-4, 40.0 + static_cast<double>(i % 1000) * 1e-3});
    }
    test::ScratchDir dir;
    for (const auto* name : {"many.geojson", "many.kml"}) {
        INFO(name);
        layers::write_layer(layer, dir.file(name), {});
        CHECK(listing(dir.file("")) == std::vector<std::string>{name});  // no part left behind
        const auto back = read_back(dir.file(name));
        REQUIRE(back.rows.size() == n);
        std::size_t out_of_place = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto* point = back.geometries[i]->toPoint();
            out_of_place += back.rows[i].at("id") != std::to_string(i) ||
                            std::abs(point->getX() - layer.points[i].lon_deg) > 0.5e-7 ||
                            std::abs(point->getY() - layer.points[i].lat_deg) > 0.5e-7;
        }
        CHECK(out_of_place == 0);
        const std::string name_field = std::string(name).ends_with(".kml") ? "Name" : "name";
        CHECK(back.rows[7].at(name_field) == "白云鄂博矿");
        CHECK(back.rows[n - 1 - (n - 1) % 7].at(name_field) == "白云鄂博矿");
        fs::remove(dir.file(name));
    }
    layers::write_layer(layer, dir.file("many.geojson"), {});
    const auto geojson = slurp(dir.file("many.geojson"));
    CHECK(geojson.starts_with("{\n\"type\": \"FeatureCollection\",\n\"bbox\": [ 100, 40, 111.9999, 40.999 ],\n"
                              "\"features\": [\n"));
    CHECK(geojson.ends_with("\n]\n}\n"));
    layers::write_layer(layer, dir.file("many.kml"), {});
    const auto kml = slurp(dir.file("many.kml"));
    // Each placemark carries its own row's style, on both sides of every part boundary
    // (the pattern's period, 7, divides no part's first row).
    const std::array<const char*, 3> ids{"Rare_Earth_Elements", "Iron", "Coal"};
    std::size_t row = 0, wrong = 0;
    for (auto at = kml.find("<styleUrl>#commodity-"); at != std::string::npos;
         at = kml.find("<styleUrl>#commodity-", at + 1), ++row) {
        const auto id = kml.substr(at + 21, kml.find('<', at + 21) - at - 21);
        wrong += row >= n || id != ids[(row % 7) % 3];
    }
    CHECK(row == n);
    CHECK(wrong == 0);

    // CSV: blocks of rows are formatted on all cores and must still be written in order.
    layers::write_layer(layer, dir.file("many.csv"), {});
    const auto csv = read_back(dir.file("many.csv"));
    REQUIRE(csv.rows.size() == n);
    std::size_t csv_out_of_place = 0;
    for (std::size_t i = 0; i < n; ++i)
        csv_out_of_place += csv.rows[i].at("id") != std::to_string(i) ||
                            std::stod(csv.rows[i].at("lon")) != layer.points[i].lon_deg ||
                            std::stod(csv.rows[i].at("lat")) != layer.points[i].lat_deg;
    CHECK(csv_out_of_place == 0);
    CHECK(csv.rows[7].at("name") == "白云鄂博矿");
}

TEST_CASE("write: CSV rows come out in order when a block takes far longer to format than the next",
          "[layers][write][parallel]") {
    // The first 8,192-row block carries 2 KB names and takes many times longer to format
    // than the blocks after it, which another core finishes first: they must wait.
    layers::Layer layer;
    layer.kind = layers::GeometryKind::Point;
    layer.fields = {{"id", layers::FieldType::Integer}, {"name", layers::FieldType::String}};
    for (const auto& field : layer.fields) layer.columns.emplace_back(field.type);
    const std::size_t n = 40000;
    const std::string long_name(2000, 'x');
    for (std::size_t i = 0; i < n; ++i) {
        layer.columns[0].push(static_cast<std::int64_t>(i));
        layer.columns[1].push(std::string_view(i < 8192 ? long_name : std::string("short")));
        layer.points.push_back({100.0, 40.0});
    }
    std::ostringstream out;
    layers::write_csv(layer, out);
    std::istringstream lines(out.str());
    std::string line;
    std::getline(lines, line);
    CHECK(line == "lon,lat,id,name");
    std::size_t row = 0, out_of_place = 0;
    while (std::getline(lines, line)) {
        out_of_place += line.substr(0, line.find(',', 8)) != fmt::format("100,40,{}", row);
        ++row;
    }
    CHECK(row == n);
    CHECK(out_of_place == 0);
}

TEST_CASE("write: GeoJSON on a stream has the file's bytes: precision, antimeridian split, bboxes", "[layers][write]") {
    test::ScratchDir dir;
    auto across = sample_polygons();
    geo::Polygon wide;  // 170 E to 170 W, across longitude 180
    wide.outer() = {{170, 10}, {190, 10}, {190, 20}, {170, 20}, {170, 10}};
    across.shapes[1] = geo::MultiPolygon{wide};
    for (const int precision : {7, 3}) {
        INFO("precision " << precision);
        layers::WriteOptions options;
        options.precision = precision;
        for (const auto& layer : {sample_points(), across}) {
            const auto path = dir.file("file.geojson");
            layers::write_layer(layer, path, options);
            std::ostringstream stream;
            layers::write_geojson(layer, stream, precision);
            CHECK(stream.str() == slurp(path));
            fs::remove(path);
        }
    }
    std::ostringstream points, polygons;
    layers::write_geojson(sample_points(), points, 3);
    CHECK_THAT(points.str(), Contains("109.974,") && Contains("\"bbox\": [ 109.741, 40.648, 113, 44.25 ]"));
    layers::write_geojson(across, polygons);
    CHECK_THAT(polygons.str(), Contains("[ -180.0, 20.0 ]") && Contains("\"bbox\": [ 170.0, 10.0, -170.0, 20.0 ]"));
}
