#include "layers/project/project_folder.hpp"

#include "base/error.hpp"
#include "layers/model/geometry_kind.hpp"
#include "layers/project/qgis_project.hpp"
#include "layers/output/staged_output.hpp"
#include "layers/write/write_layer.hpp"

#include <fmt/format.h>


namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

// Removes a folder depmap made, if it is still empty, unless released.
struct MadeFolder {
    fs::path path;
    ~MadeFolder() {
        std::error_code ignored;
        if (!path.empty()) fs::remove(path, ignored);
    }
};

} // namespace

void write_project_folder(const fs::path& destination, const std::vector<ProjectEntry>& entries,
                          const std::string& title, bool overwrite) {
    // "out/" names the folder "out".
    const auto folder = destination.filename().empty() ? destination.parent_path() : destination;
    std::error_code error;
    const auto status = fs::status(folder, error);
    if (error && status.type() != fs::file_type::not_found)
        throw OutputError(fmt::format("{}: cannot check it ({}); choose another folder", folder.string(),
                                      error.message()));
    if (fs::exists(status) && !fs::is_directory(status))
        throw OutputError(fmt::format("{}: is a file; give a folder for the project", folder.string()));
    MadeFolder made;
    if (!fs::exists(status)) {
        fs::create_directory(folder, error);
        if (error)
            throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to",
                                          folder.string(), error.message()));
        made.path = folder;
    }
    // The project file is the main file and the GeoPackage its sidecar: an existing
    // folder keeps everything else in it.
    StagedOutput stage(folder / project_qgs, overwrite, {fs::path(project_gpkg).extension().string()});

    std::vector<OutputLayer> outputs;
    for (const auto& entry : entries) outputs.push_back({entry.layer, entry.name, entry.style});
    const auto report = write_layers(outputs, stage.staged().parent_path() / project_gpkg, {});
    std::vector<ProjectLayer> project;
    for (std::size_t i = 0; i < entries.size(); ++i)
        project.push_back({project_gpkg, report.names[i], entries[i].title, entries[i].layer->kind,
                           entries[i].layer->extent(), report.styles[i]});
    ProjectOptions options;
    options.title = title;
    write_qgis_project(stage.staged(), project, options);
    stage.commit();
    made.path.clear();
}

} // namespace depmap::layers
