#include "base/error.hpp"
#include "layers/project/qgis_project.hpp"
#include "layers/style/qgis_style.hpp"
#include "layers/read/read.hpp"
#include "layers/style/xml_element.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

layers::ProjectLayer project_layer(const std::string& file, const std::string& name, const std::string& title,
                                   layers::StyleKind kind = layers::StyleKind::Automatic) {
    const auto layer = layers::read_layer(depmap::test::bundled(file).string());
    layers::StyleOptions options;
    options.kind = kind;
    return {"depmap.gpkg", name, title, layer.kind, layer.extent(),
            layers::qml_style(layer, options)};
}

std::vector<layers::ProjectLayer> bundled_layers() {
    return {project_layer("boundary.geojson", "boundary", "Inner Mongolia", layers::StyleKind::Outlines),
            project_layer("divisions.geojson", "divisions", "Divisions", layers::StyleKind::Outlines),
            project_layer("records.csv", "deposits", "Deposits")};
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("qgs: layers by relative path, points on top, styles embedded", "[layers][styles]") {
    const auto project = layers::parse_xml(layers::qgis_project(bundled_layers()));
    CHECK(project.name() == "qgis");
    CHECK(project.child("projectCrs")->child("spatialrefsys")->child("authid")->text() == "EPSG:4326");

    const auto tree = project.child("layer-tree-group")->children("layer-tree-layer");
    REQUIRE(tree.size() == 3);
    CHECK(tree[0]->attribute("name") == "Deposits");
    CHECK(tree[1]->attribute("name") == "Inner Mongolia");
    CHECK(tree[2]->attribute("name") == "Divisions");
    CHECK(tree[0]->attribute("source") == "./depmap.gpkg|layername=deposits");

    const auto map_layers = project.child("projectlayers")->children("maplayer");
    REQUIRE(map_layers.size() == 3);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < map_layers.size(); ++i) {
        const auto& layer = *map_layers[i];
        const auto id = layer.child("id")->text();
        CHECK(id == tree[i]->attribute("id"));
        CHECK(id.size() > 10);  // QGIS replaces shorter ids
        CHECK(ids.insert(id).second);
        CHECK(layer.child("datasource")->text() == tree[i]->attribute("source"));
        CHECK(layer.child("provider")->text() == "ogr");
        CHECK(layer.child("srs")->child("spatialrefsys")->child("authid")->text() == "EPSG:4326");
        CHECK(layer.child("renderer-v2") != nullptr);
        CHECK(layer.attribute("labelsEnabled") == "1");
    }
    CHECK(map_layers[0]->child("renderer-v2")->attribute("type") == "categorizedSymbol");
    CHECK(map_layers[0]->attribute("geometry") == "Point");
    CHECK(map_layers[1]->attribute("geometry") == "Polygon");
    CHECK(project.child("properties")->child("Paths")->child("Absolute")->text() == "false");
}

TEST_CASE("qgs: the project opens on all layers' extent", "[layers][styles]") {
    const auto layers_in = bundled_layers();
    const auto project = layers::parse_xml(layers::qgis_project(layers_in));
    const auto& view = *project.child("ProjectViewSettings")->child("DefaultViewExtent");
    geo::Box all;
    for (const auto& layer : layers_in) all.extend(layer.extent);
    CHECK(std::stod(view.attribute("xmin")) < all.min_lon_deg);
    CHECK(std::stod(view.attribute("ymin")) < all.min_lat_deg);
    CHECK(std::stod(view.attribute("xmax")) > all.max_lon_deg);
    CHECK(std::stod(view.attribute("ymax")) > all.max_lat_deg);
    CHECK(std::stod(view.attribute("xmax")) < all.max_lon_deg + 2);
    const auto& canvas = *project.child("mapcanvas")->child("extent");
    CHECK(canvas.child("xmin")->text() == view.attribute("xmin"));
}

TEST_CASE("qgs: paths relative to the project's folder", "[layers][styles]") {
    auto layer = bundled_layers().back();
    layer.gpkg = "../shared/depmap.gpkg";
    auto project = layers::parse_xml(layers::qgis_project({layer}));
    CHECK(project.child("projectlayers")->child("maplayer")->child("datasource")->text() ==
          "../shared/depmap.gpkg|layername=deposits");
    layer.gpkg = "/data/out/sub/depmap.gpkg";
    project = layers::parse_xml(layers::qgis_project({layer}, {}, "/data/out"));
    CHECK(project.child("projectlayers")->child("maplayer")->child("datasource")->text() ==
          "./sub/depmap.gpkg|layername=deposits");
}

TEST_CASE("qgs: a style that is not a QGIS style is refused", "[layers][styles]") {
    auto layer = bundled_layers().back();
    layer.qml = "<style/>";
    CHECK_THROWS_WITH(layers::qgis_project({layer}), Contains("the style of layer 'deposits' is not a QGIS style"));
    layer.qml = "not xml";
    CHECK_THROWS_AS(layers::qgis_project({layer}), OutputError);
}

TEST_CASE("qgs: written whole, and never over a file without overwrite", "[layers][styles]") {
    depmap::test::ScratchDir dir;
    const auto path = dir.file("project.qgs");
    layers::write_qgis_project(path, bundled_layers());
    CHECK(read_text(path).starts_with("<!DOCTYPE qgis"));
    CHECK_THROWS_WITH(layers::write_qgis_project(path, bundled_layers()), Contains("pass `overwrite` to replace it"));
    layers::ProjectOptions options;
    options.overwrite = true;
    options.title = "Baotou";
    layers::write_qgis_project(path, bundled_layers(), options);
    CHECK_THAT(read_text(path), Contains("<title>Baotou</title>"));
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(path).parent_path()))
        ++files;
    CHECK(files == 1);  // no temporaries left behind
}
