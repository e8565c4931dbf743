#pragma once
// A folder QGIS opens in one step: every layer in one GeoPackage with its style stored
// inside, and a project file (.qgs) referencing them by relative paths, so the folder
// can be moved or shared whole.
#include "layers/model/layer.hpp"
#include "layers/style/qgis_style.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace depmap::layers {

struct ProjectEntry {
    const Layer* layer;
    std::string name;   // the layer's name in the GeoPackage
    std::string title;  // the name QGIS's layer list shows
    StyleOptions style;
};

// The files a project folder holds.
constexpr const char* project_gpkg = "depmap.gpkg";
constexpr const char* project_qgs = "depmap.qgs";

// Writes project_gpkg and project_qgs into `folder` (made when missing), whole or not
// at all: staged in a temporary folder inside it, then moved into place, the project
// file last (StagedOutput). Existing ones are replaced only with `overwrite`; nothing
// else in the folder is touched. Throws OutputError.
void write_project_folder(const std::filesystem::path& folder, const std::vector<ProjectEntry>& entries,
                          const std::string& title, bool overwrite);

} // namespace depmap::layers
