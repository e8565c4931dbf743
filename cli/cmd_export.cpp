#include "cli/cmd_export.hpp"

#include "cli/examples.hpp"
#include "cli/parameter_flags.hpp"
#include "cli/layer_options.hpp"
#include "cli/option_errors.hpp"
#include "base/error.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/write/file_format.hpp"
#include "layers/project/bundled_project.hpp"
#include "layers/read/read.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>

namespace depmap::cli {

CLI::App* ExportCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("export", "Write a layer to a file: " + layers::format_names());
    command->add_option("file", m_input.layer_path, "The layer (default: the bundled deposits)")
        ->check(non_empty_path());
    m_input.add_to(*command);
    m_output.add_to(*command, false);
    command->add_option("-f,--format", m_format, "Without -o: table (the default) or any text format, printed; with "
                        "-o, the format when the extension does not say it: " + layers::format_names())
        ->each([this](const std::string& name) {
            if (CLI::detail::to_lower(name) != "table") m_output.write.format = layers::format_named(name);
        })
        ->group("Output file");
    command->add_option("--project", m_project, "Write a folder QGIS opens in one step: " +
                        std::string(layers::project_qgs) + " over " + layers::project_gpkg + ", styled")
        ->group("QGIS project");
    command->add_option("--add", m_add, "With --project: more layers to include (e.g. a grid or districts "
                        "depmap wrote; every layer of a GeoPackage)")->group("QGIS project");
    add_examples(*command, {
                           {"depmap export -o deposits.gpkg --style", "the bundled sites as a styled GeoPackage"},
                           {"depmap export --project out/ --add districts.gpkg", "a QGIS project folder"}});
    return command;
}

void ExportCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    if (!m_output.path.empty() && !m_project.empty())
        throw ArgumentError("give the output file with -o FILE, or a folder with --project DIR, not both");
    const bool table = CLI::detail::to_lower(m_format) == "table";
    if (table && !m_output.path.empty()) throw ArgumentError("-f table is for standard output: leave -o out");
    if (m_output.path.empty() && m_project.empty()) {
        if (m_output.write.format) {  // -f FORMAT without -o: as -o -
            if (!layers::is_text_format(*m_output.write.format))
                throw ArgumentError(fmt::format("-f {} is not text and cannot go to standard output; give -o FILE",
                                                m_format));
            m_output.path = "-";
        }
        m_output.check(true);
    }
    if (!m_add.empty() && m_project.empty()) throw ArgumentError("--add is for --project DIR");
    if (!m_project.empty() && (!m_output.write.crs.empty() || m_output.write.append || !m_output.layer_name.empty()))
        throw ArgumentError("--crs, --append and --output-layer are for -o FILE: a --project folder is WGS84 "
                            "lon/lat (EPSG:4326), which QGIS reprojects to any map CRS");
    auto input = m_input.load(global, err);
    auto& layer = input.filtered ? *input.filtered : input.all;
    m_output.keep_fields(layer);  // in place: a whole layer is not copied
    if (m_project.empty()) return m_output.emit(layer, global, out, err);
    const auto bundled = [](layers::Bundled file) { return layers::read_layer(layers::bundled_path(file).string()); };
    const auto plants = bundled(layers::Bundled::Plants);
    const auto boundary = bundled(layers::Bundled::Boundary);
    const auto divisions = bundled(layers::Bundled::Divisions);
    std::vector<layers::AddedFile> added;
    for (const auto& file : m_add) added.push_back({file, layers::read_all_layers(file)});
    const auto recipe = layers::bundled_project(layer, plants, divisions, boundary, added);
    if (!global.quiet)
        for (const auto& note : recipe.notes) print_note(err, note);
    layers::write_project_folder(m_project, recipe.entries, recipe.title, m_output.write.overwrite);
    if (!global.quiet)
        fmt::print(err, "wrote {}: open {} in QGIS\n", m_project,
                   (std::filesystem::path(m_project) / layers::project_qgs).string());
}

} // namespace depmap::cli
