#include "cli/query_input.hpp"

#include "cli/parameter_flags.hpp"
#include "cli/layer_options.hpp"
#include "base/error.hpp"
#include "layers/query/attribute_filter.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/model/commodities.hpp"
#include "layers/output/staged_output.hpp"
#include "layers/render/draw_map.hpp"
#include "layers/render/image_format.hpp"
#include "layers/text/text_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>


namespace depmap::cli {

void QueryInput::add_to(CLI::App& command) {
    add_layer_option(command, layer_path, "The layer to query")->group("Input");
    layer.add_to(command, "a multi-layer source (GeoPackage, KML)", "Input");
    command.add_option("--where", where, "Only features matching this OGR SQL WHERE clause")->group("Selection");
    command.add_option("--commodity", commodity, "Only features listing this commodity (REE, Fe, Cu, Coal, ...)")
        ->group("Selection");
}

SelectedLayer QueryInput::load(const GlobalOptions& global, std::ostream& err,
                               std::optional<layers::Around> around) const {
    if (around) {
        around->where = where;
        around->commodity = commodity;
    }
    SelectedLayer result;
    result.all = layer.load(layer_path, global, err, around, &result.unread);
    if (where.empty() && commodity.empty()) return result;
    const auto rows = layers::rows_selected(result.all, where, commodity);
    if (global.verbose) fmt::print(err, "selected {} of {} features\n", rows.size(), result.all.size());
    // Why nothing was selected, when the commodity alone selects nothing (not --where).
    if (rows.empty() && !commodity.empty() && !global.quiet && layers::rows_with_commodity(result.all, commodity).empty()) {
        const auto name = layers::canonical_commodity(commodity);
        if (layers::is_bundled(layer_path))
            fmt::print(err, "note: the bundled data holds no {} records: none of its open sources covers {} (see "
                            "Coverage in data/README.md); give your own layer with --layer\n", name, name);
        else
            fmt::print(err, "note: no feature of {} lists {}\n", result.all.source, name);
    }
    result.filtered = result.all.subset(rows);
    return result;
}

void OutputOptions::add_to(CLI::App& command, bool to_stdout) {
    const std::string group = "Output";
    if (to_stdout)
        add_format_option(command, format,
                          {{"table", OutputFormat::Table}, {"csv", OutputFormat::Csv},
                           {"json", OutputFormat::Json}, {"geojson", OutputFormat::GeoJson}})
            ->group(group);
    command.add_option("-o,--output", path, "Write the answer to this file: " + layers::format_names() +
                       ", by its extension; or a map of it: png, svg, pdf")->group(group);
    command.add_flag("-O,--overwrite", write.overwrite, "Replace an existing output (or GeoPackage layer)")
        ->group(group);
    command.add_option("--crs", write.crs, "Reproject the file to this CRS (EPSG:xxxx, WKT, PROJ); "
                       "not for GeoJSON or KML, which are WGS84")->group(group);
    command.add_option("--precision", write.precision, "Decimals of GeoJSON coordinates, 0 to 10 (default 7, ~1 cm)")
        ->check(CLI::Validator(
            [](std::string& text) {
                int decimals = 0;
                if (CLI::detail::lexical_cast(text, decimals)) layers::check_precision(decimals);
                return std::string();
            },
            ""))
        ->group(group);
    command.add_option("--output-layer", layer_name, "The layer's name in a GeoPackage (default: the file name)")
        ->group(group);
    command.add_flag("--append", write.append, "Add the layer to an existing GeoPackage")->group(group);
    command.add_flag("--style", style, "Write a QGIS style (.qml) beside the file, and into a GeoPackage: "
                     "colours by commodity, labels by name")->group(group);
    command.add_option("--size-by", size_by, "With --style: scale markers by this numeric field")->group(group);
    // Whatever can be checked of the output is, as soon as the command line is read: an
    // existing file, the format, the CRS, a Shapefile to a pipe. Not after the work.
    command.parse_complete_callback([this, to_stdout] { check(to_stdout); });
}

void OutputOptions::check(bool to_stdout) {
    if (path.empty()) {
        if (to_stdout && (!write.crs.empty() || write.append || !layer_name.empty() || style || !size_by.empty()))
            throw ArgumentError("--crs, --append, --output-layer, --style and --size-by are for files: give -o FILE");
        return;
    }
    layers::refuse_existing(path, write.overwrite || write.append);
    if (to_image()) return;  // a map: its CRS and size-by are checked as it is drawn
    if (!write.format) write.format = layers::output_format(path, file_format(format));
    try {
        layers::check_output(path, write);
    } catch (const CrsError& e) {
        throw ArgumentError(fmt::format("--crs: {}", e.what()));
    }
}

namespace {

void print(const layers::Layer& result, OutputFormat format, int precision, std::ostream& out) {
    switch (format) {
    case OutputFormat::Table: layers::write_table(result, out); break;
    case OutputFormat::Csv: layers::write_csv(result, out); break;
    case OutputFormat::Json: layers::write_json(result, out); break;
    case OutputFormat::GeoJson: layers::write_geojson(result, out, precision); break;  // as a .geojson file
    }
}

} // namespace

std::optional<layers::FileFormat> file_format(OutputFormat format) {
    switch (format) {
    case OutputFormat::Csv: return layers::FileFormat::Csv;
    case OutputFormat::Json: return layers::FileFormat::Json;
    case OutputFormat::GeoJson: return layers::FileFormat::GeoJson;
    case OutputFormat::Table: break;
    }
    return std::nullopt;
}

bool OutputOptions::to_image() const { return !path.empty() && layers::is_image_path(path); }

// The answer over the bundled base map, zoomed to it and the marks with a margin.
void OutputOptions::draw(const layers::Layer& result, const GlobalOptions& global, std::ostream& err) const {
    if (!result.has_geometry())
        throw ArgumentError(fmt::format("-o {}: this answer has no geometry to draw; write it as .csv", path));
    std::vector<layers::Layer> drawn{result};
    drawn.insert(drawn.end(), map_marks.begin(), map_marks.end());
    layers::MapOptions options;
    options.overwrite = write.overwrite;
    options.crs = write.crs;
    options.size_by = size_by;
    const auto report = layers::write_map(drawn, layers::bundled_base_map(), options, path);
    if (global.verbose)
        fmt::print(err, "wrote {}: {} features, {} labels\n", path, result.size(), report.labels.size());
}

void OutputOptions::emit(const layers::Layer& result, const GlobalOptions& global, std::ostream& out,
                         std::ostream& err, layers::StyleKind style_kind) const {
    if (path.empty()) return print(result, format, write.precision, out);
    if (to_image()) return draw(result, global, err);
    std::optional<layers::StyleOptions> style_options;
    if (style || !size_by.empty()) {
        style_options.emplace();
        style_options->kind = style_kind;
        style_options->size_by = size_by;
    }
    const auto report = layers::write_layers({{&result, layer_name, style_options}}, path, write);
    if (!global.quiet)
        for (const auto& note : report.notes) print_note(err, note);
    if (global.verbose)
        for (const auto& detail : report.details) print_note(err, detail);
    if (global.verbose) fmt::print(err, "wrote {} features to {}\n", result.size(), path);
}

void OutputOptions::emit_package(const std::vector<const layers::Layer*>& results, const GlobalOptions& global,
                                 std::ostream& err) const {
    std::vector<layers::OutputLayer> layers;
    for (const auto* result : results) {
        std::optional<layers::StyleOptions> style_options;
        if (style || !size_by.empty()) {
            style_options.emplace();
            style_options->size_by = size_by;
        }
        layers.push_back({result, layers.empty() && !layer_name.empty() ? layer_name : result->name, style_options});
    }
    const auto report = layers::write_layers(layers, path, write);
    if (!global.quiet)
        for (const auto& note : report.notes) print_note(err, note);
    if (global.verbose) fmt::print(err, "wrote {} layers to {}\n", layers.size(), path);
}

layers::Place resolve_place(const std::string& text, const layers::Layer& layer,
                            const GlobalOptions& global, std::ostream& err) {
    const layers::PlaceResolver resolver(layer, layers::bundled_gazetteers());
    const auto place = resolver.resolve(text);
    if (global.verbose)
        fmt::print(err, "{}: {} at {:.6f},{:.6f} ({}{})\n", text, place.name, place.position.lon_deg,
                   place.position.lat_deg, place.origin,
                   place.records > 1 ? fmt::format("; the geodesic mean of {} records of one site", place.records)
                                     : std::string());
    return place;
}

} // namespace depmap::cli
