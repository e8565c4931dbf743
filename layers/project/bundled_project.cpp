#include "layers/project/bundled_project.hpp"
#include "base/text.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace depmap::layers {

namespace {

// `name`, else name_2, name_3, ... with a note saying so.
std::string unique_name(const std::string& name, const std::string& file, std::vector<std::string>& taken,
                        std::vector<std::string>& notes) {
    // No suffix frees a name GeoPackage or QGIS keeps for themselves: such a name gets a prefix.
    const auto low_name = ascii_lower(name);
    const bool reserved = low_name.starts_with("gpkg_") || low_name.starts_with("rtree_") ||
                          low_name.starts_with("sqlite_");
    const std::string base = reserved ? "layer_" + name : name;
    const auto is_taken = [&](const std::string& candidate) {
        return std::find(taken.begin(), taken.end(), ascii_lower(candidate)) != taken.end();
    };
    std::string unique = base;
    for (int n = 2; is_taken(unique); ++n) unique = fmt::format("{}_{}", base, n);
    if (unique != name)
        notes.push_back(fmt::format("{} {}: its layer '{}' is '{}' in the project, which has a '{}' already",
                                    parameter("add"), file, name, unique, name));
    taken.push_back(ascii_lower(unique));
    return unique;
}

} // namespace

ProjectRecipe bundled_project(const Layer& deposits, const Layer& plants, const Layer& divisions,
                              const Layer& boundary, std::span<const AddedFile> added) {
    ProjectRecipe recipe;
    recipe.title = "depmap: Inner Mongolia";
    StyleOptions outlines;
    outlines.kind = StyleKind::Outlines;
    recipe.entries = {{&deposits, "deposits", "Deposits and mines", {}}, {&plants, "plants", "Iron and steel plants", {}}};
    std::vector<std::string> taken{"deposits", "plants", "divisions", "boundary", "layer_styles"};
    for (const auto& file : added)
        for (const auto& layer : file.layers) {
            const auto name = unique_name(
                file.layers.size() > 1 ? layer.name : std::filesystem::path(file.path).stem().string(), file.path,
                taken, recipe.notes);
            StyleOptions style;
            if (!layer.is_points() && layer.field_index("count") && layer.field_index("cell_id"))
                style.kind = StyleKind::Grid;
            recipe.entries.push_back({&layer, name, name, style});
        }
    recipe.entries.push_back({&divisions, "divisions", "Leagues and cities", outlines});
    recipe.entries.push_back({&boundary, "boundary", "Inner Mongolia", outlines});
    return recipe;
}

} // namespace depmap::layers
