#pragma once
// The QGIS project of the bundled data (`depmap export --project`): the deposits given,
// the bundled plants, the layers the user adds, then the divisions and the boundary as
// outlines.
#include "layers/project/project_folder.hpp"

#include <span>
#include <string>
#include <vector>

namespace depmap::layers {

// A file given with --add, with every layer it holds.
struct AddedFile {
    std::string path;
    std::vector<Layer> layers;
};

struct ProjectRecipe {
    std::string title;
    std::vector<ProjectEntry> entries;  // point into the layers given, which must outlive it
    std::vector<std::string> notes;     // an added layer renamed, as it clashed with another
};

// The entries, in the order QGIS lists them. An added file's layers are named after their
// own names (several) or the file's stem (one); a name another layer has (ignoring case, as
// GeoPackage does) becomes name_2, name_3...; one GeoPackage or QGIS keeps for themselves
// (gpkg_*, rtree_*, sqlite_*) becomes layer_<name>.
// A layer of cells with count and cell_id is styled as a density grid.
ProjectRecipe bundled_project(const Layer& deposits, const Layer& plants, const Layer& divisions,
                              const Layer& boundary, std::span<const AddedFile> added);

} // namespace depmap::layers
