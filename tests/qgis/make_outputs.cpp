// Writes what the QGIS tests open, the way depmap's writers will: a GeoPackage with the
// bundled layers, a density grid and odd sample data, each with its style stored in the
// GeoPackage; a GeoJSON with its .qml beside it; and a .qgs project over the GeoPackage.
// The folder is written under one name and then renamed, so the project must find its
// layers by relative paths.
//   depmap_qgis_outputs OUT_DIR DATA_DIR FIXTURES_DIR
#include "layers/commodities.hpp"
#include "layers/gdal_session.hpp"
#include "layers/geometry_kind.hpp"
#include "layers/gpkg_style.hpp"
#include "layers/qgis_project.hpp"
#include "layers/qgis_style.hpp"
#include "layers/read.hpp"

#include <gdal_priv.h>
#include <gdal_utils.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>

using namespace depmap;
namespace fs = std::filesystem;

namespace {

// ogr2ogr -f GPKG [-update] -nln NAME gpkg source
void translate(const fs::path& gpkg, const fs::path& source, const std::string& name, bool csv) {
    const char* csv_options[] = {"X_POSSIBLE_NAMES=lon", "Y_POSSIBLE_NAMES=lat", "AUTODETECT_TYPE=YES", nullptr};
    GDALDatasetH src = GDALOpenEx(source.c_str(), GDAL_OF_VECTOR, nullptr, csv ? csv_options : nullptr, nullptr);
    if (src == nullptr) throw std::runtime_error("cannot open " + source.string());
    std::vector<std::string> args{"-f", "GPKG", "-nln", name, "-a_srs", "EPSG:4326"};
    if (fs::exists(gpkg)) args.push_back("-update");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    GDALVectorTranslateOptions* options = GDALVectorTranslateOptionsNew(argv.data(), nullptr);
    int usage_error = 0;
    GDALDatasetH out = GDALVectorTranslate(gpkg.c_str(), nullptr, 1, &src, options, &usage_error);
    GDALVectorTranslateOptionsFree(options);
    GDALClose(src);
    if (out == nullptr) throw std::runtime_error("ogr2ogr failed for " + source.string());
    GDALClose(out);
}

// One-degree cells over the deposits' extent with how many deposits each holds, empty
// cells included: a density grid as `depmap grid` makes.
void write_grid(const fs::path& gpkg, const layers::Layer& deposits) {
    const auto box = deposits.extent();
    const int west = static_cast<int>(std::floor(box.min_lon_deg));
    const int south = static_cast<int>(std::floor(box.min_lat_deg));
    const int columns = static_cast<int>(std::ceil(box.max_lon_deg)) - west;
    const int rows = static_cast<int>(std::ceil(box.max_lat_deg)) - south;
    std::map<std::pair<int, int>, int> counts;
    for (const auto& p : deposits.points)
        ++counts[{static_cast<int>(std::floor(p.lon_deg)) - west, static_cast<int>(std::floor(p.lat_deg)) - south}];

    auto* dataset = GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE);
    if (dataset == nullptr) throw std::runtime_error("cannot reopen " + gpkg.string());
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    OGRLayer* layer = dataset->CreateLayer("grid", &srs, wkbPolygon, nullptr);
    OGRFieldDefn count("count", OFTInteger);
    if (layer == nullptr || layer->CreateField(&count) != OGRERR_NONE) throw std::runtime_error("grid layer not made");
    for (int c = 0; c < columns; ++c)
        for (int r = 0; r < rows; ++r) {
            OGRFeature* feature = OGRFeature::CreateFeature(layer->GetLayerDefn());
            const auto it = counts.find({c, r});
            feature->SetField("count", it == counts.end() ? 0 : it->second);
            OGRLinearRing ring;
            const double x = west + c, y = south + r;
            ring.addPoint(x, y);
            ring.addPoint(x + 1, y);
            ring.addPoint(x + 1, y + 1);
            ring.addPoint(x, y + 1);
            ring.closeRings();
            OGRPolygon polygon;
            polygon.addRing(&ring);
            feature->SetGeometry(&polygon);
            if (layer->CreateFeature(feature) != OGRERR_NONE) throw std::runtime_error("grid cell not written");
            OGRFeature::DestroyFeature(feature);
        }
    GDALClose(dataset);
}

struct Output {
    std::string name;
    std::string title;
    layers::StyleOptions style;
};

} // namespace

int main(int argc, char** argv) try {
    if (argc != 4) {
        std::cerr << "usage: depmap_qgis_outputs OUT_DIR DATA_DIR FIXTURES_DIR\n";
        return 2;
    }
    const fs::path out(argv[1]), data(argv[2]), fixtures(argv[3]);
    const fs::path written = out / "written", moved = out / "moved";
    fs::remove_all(out);
    fs::create_directories(written);
    layers::ensure_gdal();

    const fs::path gpkg = written / "depmap.gpkg";
    translate(gpkg, data / "deposits.csv", "deposits", true);
    translate(gpkg, data / "divisions.geojson", "divisions", false);
    translate(gpkg, data / "boundary.geojson", "boundary", false);
    translate(gpkg, fixtures / "styled.csv", "samples", true);
    write_grid(gpkg, layers::read_layer((data / "deposits.csv").string()));

    layers::StyleOptions outlines, grid, sized;
    outlines.kind = layers::StyleKind::Outlines;
    grid.kind = layers::StyleKind::Grid;
    sized.size_by = "tonnage";
    const std::vector<Output> outputs{
        {"boundary", "Inner Mongolia", outlines},
        {"deposits", "Deposits", {}},
        {"divisions", "Divisions", outlines},
        {"grid", "Deposits per 1° cell", grid},
        {"samples", "Samples", sized},
    };
    std::vector<std::pair<std::string, std::string>> styles;
    std::vector<layers::ProjectLayer> project;
    for (const auto& output : outputs) {
        layers::ReadOptions read;
        read.layer_name = output.name;
        const auto layer = layers::read_layer(gpkg.string(), read);
        const auto qml = layers::qml_style(layer, output.style);
        styles.emplace_back(output.name, qml);
        project.push_back({"depmap.gpkg", output.name, output.title, layers::geometry_kind(layer),
                           layer.extent(), qml});
        std::ofstream(written / (output.name + ".qml"), std::ios::binary) << qml;
    }
    auto* dataset = GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE);
    if (dataset == nullptr) throw std::runtime_error("cannot reopen " + gpkg.string());
    for (const auto& [name, qml] : styles) layers::store_qgis_style(*dataset, name, qml);
    GDALClose(dataset);

    // A GeoJSON with its style beside it under the same name, as `--style` writes.
    const auto deposits_geojson = written / "deposits.geojson";
    {
        GDALDatasetH src = GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
        std::vector<std::string> args{"-f", "GeoJSON", "deposits"};
        std::vector<char*> argv2;
        for (auto& a : args) argv2.push_back(a.data());
        argv2.push_back(nullptr);
        auto* options = GDALVectorTranslateOptionsNew(argv2.data(), nullptr);
        int usage_error = 0;
        GDALDatasetH dst = GDALVectorTranslate(deposits_geojson.c_str(), nullptr, 1, &src, options, &usage_error);
        GDALVectorTranslateOptionsFree(options);
        GDALClose(src);
        if (dst == nullptr) throw std::runtime_error("GeoJSON not written");
        GDALClose(dst);
    }

    layers::ProjectOptions options;
    options.title = "depmap: Inner Mongolia";
    layers::write_qgis_project(written / "project.qgs", project, options);
    fs::rename(written, moved);
    return 0;
} catch (const std::exception& error) {
    std::cerr << "depmap_qgis_outputs: " << error.what() << "\n";
    return 1;
}
