#include "base/error.hpp"
#include "layers/gdal/gdal_session.hpp"
#include "layers/style/gpkg_style.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

struct Closer {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using Dataset = std::unique_ptr<GDALDataset, Closer>;

// A GeoPackage with point layers named `names`, open for update.
Dataset geopackage(const std::string& path, std::initializer_list<const char*> names) {
    layers::ensure_gdal();
    auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    Dataset dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(dataset);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    for (const char* name : names) REQUIRE(dataset->CreateLayer(name, &wgs84, wkbPoint, nullptr));
    return dataset;
}

Dataset reopen(const std::string& path) {
    Dataset dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(dataset);
    return dataset;
}

// Rows of layer_styles for a table, as "styleName useAsDefault".
std::vector<std::string> styles_of(GDALDataset& gpkg, const std::string& table) {
    std::vector<std::string> rows;
    OGRLayer* styles = gpkg.GetLayerByName("layer_styles");
    REQUIRE(styles != nullptr);
    styles->SetAttributeFilter(("f_table_name = '" + table + "'").c_str());
    for (auto& feature : *styles)
        rows.push_back(std::string(feature->GetFieldAsString("styleName")) + " " +
                       std::to_string(feature->GetFieldAsInteger("useAsDefault")));
    return rows;
}

} // namespace

TEST_CASE("gpkg style: stored as QGIS stores it, and read back through GDAL", "[layers][styles]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.file("styled.gpkg");
    const std::string qml = "<!DOCTYPE qgis>\n<qgis version=\"3.22.0\"><!-- 白云鄂博 'quoted' --></qgis>\n";
    {
        auto gpkg = geopackage(path, {"deposits"});
        layers::store_qgis_style(*gpkg, "deposits", qml);
    }
    auto gpkg = reopen(path);
    OGRLayer* styles = gpkg->GetLayerByName("layer_styles");
    REQUIRE(styles != nullptr);
    CHECK(std::string(styles->GetFIDColumn()) == "id");
    REQUIRE(styles->GetFeatureCount() == 1);
    std::unique_ptr<OGRFeature> row(styles->GetNextFeature());
    CHECK(std::string(row->GetFieldAsString("f_table_catalog")).empty());
    CHECK(std::string(row->GetFieldAsString("f_table_schema")).empty());
    CHECK(std::string(row->GetFieldAsString("f_table_name")) == "deposits");
    CHECK(std::string(row->GetFieldAsString("f_geometry_column")) == "geom");
    CHECK(std::string(row->GetFieldAsString("styleName")) == "deposits");
    CHECK(std::string(row->GetFieldAsString("styleQML")) == qml);
    CHECK(row->GetFieldAsInteger("useAsDefault") == 1);
    CHECK(row->IsFieldSetAndNotNull(row->GetFieldIndex("update_time")));
    for (const char* column : {"styleSLD", "description", "owner", "ui"}) CHECK(row->GetFieldIndex(column) >= 0);

    // Registered the way GDAL registers a table without geometry.
    OGRLayer* contents = gpkg->ExecuteSQL(
        "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'", nullptr, nullptr);
    REQUIRE(contents != nullptr);
    std::unique_ptr<OGRFeature> entry(contents->GetNextFeature());
    REQUIRE(entry);
    CHECK(std::string(entry->GetFieldAsString(0)) == "attributes");
    gpkg->ReleaseResultSet(contents);
}

TEST_CASE("gpkg style: storing again replaces; each layer has one default", "[layers][styles]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.file("two.gpkg");
    {
        auto gpkg = geopackage(path, {"deposits", "grid"});
        layers::store_qgis_style(*gpkg, "deposits", "<qgis>first</qgis>");
        layers::store_qgis_style(*gpkg, "grid", "<qgis>grid</qgis>");
        layers::store_qgis_style(*gpkg, "deposits", "<qgis>second</qgis>");
    }
    auto gpkg = reopen(path);
    CHECK(styles_of(*gpkg, "deposits") == std::vector<std::string>{"deposits 1"});
    CHECK(styles_of(*gpkg, "grid") == std::vector<std::string>{"grid 1"});
    OGRLayer* styles = gpkg->GetLayerByName("layer_styles");
    styles->SetAttributeFilter("f_table_name = 'deposits'");
    std::unique_ptr<OGRFeature> row(styles->GetNextFeature());
    CHECK(std::string(row->GetFieldAsString("styleQML")) == "<qgis>second</qgis>");
}

TEST_CASE("gpkg style: a style QGIS saved earlier stops being the default", "[layers][styles]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.file("earlier.gpkg");
    {
        auto gpkg = geopackage(path, {"deposits"});
        layers::store_qgis_style(*gpkg, "deposits", "<qgis>depmap</qgis>");
        OGRLayer* styles = gpkg->GetLayerByName("layer_styles");
        OGRFeature earlier(styles->GetLayerDefn());
        earlier.SetField("f_table_name", "deposits");
        earlier.SetField("f_geometry_column", "geom");
        earlier.SetField("styleName", "my own");
        earlier.SetField("useAsDefault", 1);
        REQUIRE(styles->CreateFeature(&earlier) == OGRERR_NONE);
        layers::store_qgis_style(*gpkg, "deposits", "<qgis>depmap again</qgis>");
    }
    auto gpkg = reopen(path);
    CHECK(styles_of(*gpkg, "deposits") == std::vector<std::string>{"deposits 1", "my own 0"});
}

TEST_CASE("gpkg style: only GeoPackages, only layers they hold", "[layers][styles]") {
    depmap::test::ScratchDir dir;
    auto gpkg = geopackage(dir.file("one.gpkg"), {"deposits"});
    CHECK_THROWS_WITH(layers::store_qgis_style(*gpkg, "plants", "<qgis/>"),
                      Contains("no layer 'plants' to store a QGIS style for"));
    CHECK_THROWS_AS(layers::store_qgis_style(*gpkg, "layer_styles", "<qgis/>"), OutputError);

    auto* geojson = GetGDALDriverManager()->GetDriverByName("GeoJSON");
    Dataset other(geojson->Create(dir.file("x.geojson").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(other);
    REQUIRE(other->CreateLayer("x", nullptr, wkbPoint, nullptr));
    CHECK_THROWS_WITH(layers::store_qgis_style(*other, "x", "<qgis/>"),
                      Contains("QGIS styles can be stored in GeoPackages only"));
}

TEST_CASE("gpkg style: the styles table is not a layer depmap offers to read", "[layers][styles]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.file("one.gpkg");
    {
        auto gpkg = geopackage(path, {"deposits"});
        layers::store_qgis_style(*gpkg, "deposits", "<qgis/>");
    }
    CHECK(layers::read_layer(path).name == "deposits");
    layers::ReadOptions options;
    options.layer_name = "nothing";
    CHECK_THROWS_WITH(layers::read_layer(path, options), Contains("its layers are: deposits") &&
                                                         !Contains("layer_styles"));
}
