#include "cli/cmd_export.hpp"

#include "cli/layer_options.hpp"
#include "base/error.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/write/file_format.hpp"
#include "layers/project/project_folder.hpp"
#include "layers/read/read.hpp"

#include <fmt/ostream.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace depmap::cli {

CLI::App* ExportCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("export", "Write a layer to a file: " + layers::format_names());
    command->add_option("file", m_input.layer_path, "The layer (default: the bundled deposits)")
        ->check(non_empty_path());
    m_input.add_to(*command);
    m_output.add_to(*command, false);
    command->add_option("-f,--format", m_format, "The output format when the extension does not say it: " +
                        layers::format_names())->group("Output file");
    command->add_option("--fields", m_fields, "Only these fields, in this order (comma-separated)")
        ->delimiter(',')->group("Output file");
    command->add_option("--project", m_project, "Write a folder QGIS opens in one step: " +
                        std::string(layers::project_qgs) + " over " + layers::project_gpkg + ", styled")
        ->group("QGIS project");
    command->add_option("--add", m_add, "With --project: more layers to include (e.g. a grid or districts "
                        "depmap wrote; every layer of a GeoPackage)")->group("QGIS project");
    return command;
}

namespace {

layers::Layer bundled(const std::string& file) {
    return layers::read_layer((layers::data_dir() / file).string());
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

// A name for an added layer that no other layer of the project has (GeoPackage table
// names ignore case) and that GeoPackage and QGIS do not keep for themselves: `name`,
// else name_2, name_3, ... with a note saying so.
std::string unique_name(const std::string& name, const std::string& file, std::vector<std::string>& taken,
                        std::ostream& err, bool quiet) {
    const auto is_taken = [&](const std::string& candidate) {
        const auto low = lower(candidate);
        return std::find(taken.begin(), taken.end(), low) != taken.end() || low.starts_with("gpkg_") ||
               low.starts_with("rtree_") || low.starts_with("sqlite_");
    };
    std::string unique = name;
    for (int n = 2; is_taken(unique); ++n) unique = fmt::format("{}_{}", name, n);
    if (unique != name && !quiet)
        fmt::print(err, "note: --add {}: its layer '{}' is '{}' in the project, which has a '{}' already\n", file,
                   name, unique, name);
    taken.push_back(lower(unique));
    return unique;
}

void write_project(const layers::Layer& deposits, const std::vector<std::string>& added,
                   const std::string& folder, bool overwrite, std::ostream& err, bool quiet) {
    const auto plants = bundled("plants.csv");
    const auto boundary = bundled("boundary.geojson");
    const auto divisions = bundled("divisions.geojson");
    // Every layer of each added file: a GeoPackage of derived layers brings them all,
    // each under its own name; a single-layer file is named after the file.
    std::vector<layers::Layer> extra;
    std::vector<std::string> names;
    std::vector<std::string> taken{"deposits", "plants", "divisions", "boundary", "layer_styles"};
    for (const auto& file : added) {
        auto all = layers::read_all_layers(file);
        for (auto& layer : all) {
            names.push_back(unique_name(all.size() > 1 ? layer.name : std::filesystem::path(file).stem().string(),
                                        file, taken, err, quiet));
            extra.push_back(std::move(layer));
        }
    }
    layers::StyleOptions outlines;
    outlines.kind = layers::StyleKind::Outlines;
    std::vector<layers::ProjectEntry> entries{
        {&deposits, "deposits", "Deposits and mines", {}},
        {&plants, "plants", "Iron and steel plants", {}},
    };
    for (std::size_t i = 0; i < extra.size(); ++i) {
        const auto& name = names[i];
        layers::StyleOptions style;
        // A layer of cells with counts is a density grid: graduated by count.
        if (!extra[i].is_points() && extra[i].field_index("count") && extra[i].field_index("cell_id"))
            style.kind = layers::StyleKind::Grid;
        entries.push_back({&extra[i], name, name, style});
    }
    entries.push_back({&divisions, "divisions", "Leagues and cities", outlines});
    entries.push_back({&boundary, "boundary", "Inner Mongolia", outlines});
    layers::write_project_folder(folder, entries, "depmap: Inner Mongolia", overwrite);
}

} // namespace

void ExportCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    if (m_output.path.empty() == m_project.empty())
        throw ArgumentError("give the output file with -o FILE, or a folder with --project DIR");
    if (!m_add.empty() && m_project.empty()) throw ArgumentError("--add is for --project DIR");
    if (!m_project.empty() && (!m_output.write.crs.empty() || m_output.write.append || !m_output.layer_name.empty()))
        throw ArgumentError("--crs, --append and --output-layer are for -o FILE: a --project folder is WGS84 "
                            "lon/lat (EPSG:4326), which QGIS reprojects to any map CRS");
    if (!m_format.empty()) m_output.write.format = layers::format_named(m_format);
    auto input = m_input.load(global, err);
    auto& layer = input.filtered ? *input.filtered : input.all;
    if (!m_fields.empty()) layer.keep_fields(m_fields);
    if (m_project.empty()) return m_output.emit(layer, global, out, err);
    write_project(layer, m_add, m_project, m_output.write.overwrite, err, global.quiet);
    if (!global.quiet)
        fmt::print(err, "wrote {}: open {} in QGIS\n", m_project,
                   (std::filesystem::path(m_project) / layers::project_qgs).string());
}

} // namespace depmap::cli
