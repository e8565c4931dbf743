#include "layers/project_folder.hpp"

#include "geo/error.hpp"
#include "layers/geometry_kind.hpp"
#include "layers/qgis_project.hpp"
#include "layers/write_layer.hpp"

#include <fmt/format.h>

#include <random>

namespace depmap::layers {

namespace fs = std::filesystem;

namespace {

fs::path beside(const fs::path& folder, const char* what) {
    std::random_device random;
    auto parent = folder.parent_path();
    if (parent.empty()) parent = ".";
    return parent / fmt::format(".{}.{:08x}.{}", folder.filename().string(), random(), what);
}

// Removes a folder when it goes out of scope unless released.
struct FolderGuard {
    fs::path path;
    ~FolderGuard() {
        std::error_code ignored;
        if (!path.empty()) fs::remove_all(path, ignored);
    }
};

} // namespace

void write_project_folder(const fs::path& destination, const std::vector<ProjectEntry>& entries,
                          const std::string& title, bool overwrite) {
    // "out/" names the folder "out".
    const auto folder = destination.filename().empty() ? destination.parent_path() : destination;
    if (fs::exists(folder) && !overwrite)
        throw OutputError(fmt::format("{}: exists already; pass -O/--overwrite to replace it", folder.string()));
    if (fs::exists(folder) && !fs::is_directory(folder))
        throw OutputError(fmt::format("{}: is a file; give a folder for the project", folder.string()));
    FolderGuard staged{beside(folder, "tmp")};
    std::error_code error;
    fs::create_directory(staged.path, error);
    if (error)
        throw OutputError(fmt::format("{}: cannot write there ({}); choose a folder you can write to",
                                      folder.string(), error.message()));

    std::vector<OutputLayer> outputs;
    for (const auto& entry : entries) outputs.push_back({entry.layer, entry.name, entry.style});
    const auto report = write_layers(outputs, staged.path / project_gpkg, {});
    std::vector<ProjectLayer> project;
    for (std::size_t i = 0; i < entries.size(); ++i)
        project.push_back({project_gpkg, report.names[i], entries[i].title, geometry_kind(*entries[i].layer),
                           entries[i].layer->extent(), report.styles[i]});
    ProjectOptions options;
    options.title = title;
    write_qgis_project(staged.path / project_qgs, project, options);

    FolderGuard old;
    if (fs::exists(folder)) {
        old.path = beside(folder, "old");
        fs::rename(folder, old.path, error);
    }
    if (!error) fs::rename(staged.path, folder, error);
    if (error) {
        const auto message = error.message();
        if (!old.path.empty() && !fs::exists(folder)) fs::rename(old.path, folder, error);  // put it back
        throw OutputError(fmt::format("{}: cannot put the project in place ({})", folder.string(), message));
    }
    staged.path.clear();
}

} // namespace depmap::layers
