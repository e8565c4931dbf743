#pragma once
// QGIS 3.22 project files (.qgs): a folder QGIS opens in one step, its layers in
// GeoPackages beside the project, referenced by relative paths so the folder can move.
#include "geo/lonlat.hpp"
#include "layers/model/geometry_kind.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace depmap::layers {

struct ProjectLayer {
    std::string gpkg;        // the GeoPackage, relative to the project's folder ("depmap.gpkg")
    std::string layer_name;  // the layer in it
    std::string title;       // the name QGIS's layer list shows
    GeometryKind geometry = GeometryKind::Point;
    geo::Box extent;         // lon/lat; the project opens on all layers' extents together
    std::string qml;         // its style, from qml_style(); embedded in the project
};

struct ProjectOptions {
    // The project's title. DEFAULT: "depmap".
    std::string title = "depmap";
    // Replace an existing file. DEFAULT: false.
    bool overwrite = false;
};

// The project's text. Layers are listed (and drawn) points on top, then lines, then
// polygons, keeping the given order within each; all in EPSG:4326, the project's CRS.
// Throws OutputError when a layer's qml is not a QGIS style.
std::string qgis_project(const std::vector<ProjectLayer>& layers, const ProjectOptions& options = {},
                         const std::filesystem::path& folder = {});

// Writes qgis_project() to `qgs` whole or not at all. Paths of layers given as
// absolute paths are made relative to the project's folder. Throws OutputError.
void write_qgis_project(const std::filesystem::path& qgs, const std::vector<ProjectLayer>& layers,
                        const ProjectOptions& options = {});

} // namespace depmap::layers
