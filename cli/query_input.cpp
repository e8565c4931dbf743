#include "cli/query_input.hpp"

#include "cli/dash_output.hpp"
#include "cli/option_errors.hpp"
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
#include "layers/webmap/html_map.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <fmt/ranges.h>


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
    command.add_flag("--wide,--all-fields", wide, "A table of every field (default: the answer's own columns, "
                         "name, name_zh, commodities and status, long values cut)")->group(group);
    command.add_option("--fields", fields, "Only these fields, in this order (comma-separated)")
        ->delimiter(',')->group(group);
    command.add_option("-o,--output", path, "Write the answer to this file: " + layers::format_names() +
                       ", by its extension; or a map of it: png, svg, pdf; - for standard output in a "
                       "text format -f names")->group(group);
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
    command.add_option("--size-by", size_by, "With --style, or a map: scale markers by this numeric field")->group(group);
    command.add_option("--tiles", tiles, "With -o MAP.html: draw this XYZ tile URL template under the map "
                       "(https://.../{z}/{x}/{y}.png; default: none, the file opens offline)")->group(group);
    map.add_to(command);
    // Whatever can be checked of the output is, as soon as the command line is read: an
    // existing file, the format, the CRS, a Shapefile to a pipe. Not after the work.
    command.parse_complete_callback([this, to_stdout] { check(to_stdout); });
}

void OutputOptions::check(bool to_stdout) {
    if (const auto given = map.given(); !given.empty() && !to_image())
        throw ArgumentError(fmt::format("{} {} for a map drawn as -o FILE.png, .svg or .pdf{}",
                                        fmt::join(given, ", "), given.size() > 1 ? "are" : "is",
                                        path.empty() ? "" : ", not for -o " + path));
    if (path.empty()) {
        if (to_stdout && (!write.crs.empty() || write.append || !layer_name.empty() || style || !size_by.empty() ||
                          !tiles.empty()))
            throw ArgumentError("--crs, --append, --output-layer, --style, --size-by and --tiles are for files: "
                                "give -o FILE");
        return;
    }
    if (names_standard_output(path)) return check_standard_output(to_stdout);
    layers::refuse_existing(path, write.overwrite || write.append);
    if (to_image()) {  // a map: its page here, its CRS, size-by and labels as it is drawn
        if (!tiles.empty())
            throw ArgumentError(fmt::format("--tiles is for an HTML map (-o map.html), not for -o {}", path));
        if (write.append || style || !layer_name.empty())
            throw ArgumentError(fmt::format("-o {}: a map is one picture, written whole; leave out --append, --style "
                                            "and --output-layer", path));
        layers::MapOptions page;
        map.apply(page);
        return;
    }
    if (!write.format) write.format = layers::output_format(path, file_format(format));
    if (write.format == layers::FileFormat::Html) {
        if (style || write.append)
            throw ArgumentError(fmt::format("-o {}: an HTML map is styled as the QGIS styles are and holds one "
                                            "answer; leave out --style and --append", path));
        if (!tiles.empty()) layers::check_tiles(tiles);
    } else if (!tiles.empty()) {
        throw ArgumentError(fmt::format("--tiles is for an HTML map (-o map.html), not for -o {}", path));
    }
    try {
        layers::check_output(path, write);
    } catch (const CrsError& e) {
        throw ArgumentError(fmt::format("--crs: {}", e.what()));
    }
}

void OutputOptions::check_standard_output(bool to_stdout) {
    if (write.append || !layer_name.empty() || style || !size_by.empty())
        throw ArgumentError("--append, --output-layer, --style and --size-by are for files, not -o -");
    write.format = standard_output_format(write.format ? write.format : file_format(format),
                                          to_stdout ? "csv, json or geojson" : "a text format: geojson, geojsonseq, kml, csv, json");
}

namespace {

// A table fits a terminal: the columns read first, cells cut at 30 columns; --wide or
// --fields for more.
layers::TableOptions table_options(bool wide, bool fields_chosen) {
    layers::TableOptions options;
    options.first_look = !wide && !fields_chosen;
    options.as_given = fields_chosen;
    options.max_cell_width = wide ? 40 : 30;
    return options;
}

void print(const layers::Layer& result, OutputFormat format, const layers::TableOptions& table, int precision,
           std::ostream& out) {
    switch (format) {
    case OutputFormat::Table: layers::write_table(result, out, table); break;
    case OutputFormat::Csv: layers::write_csv(result, out); break;
    case OutputFormat::Json: layers::write_json(result, out); break;
    case OutputFormat::GeoJson: layers::write_geojson(result, out, precision); break;  // as a .geojson file
    }
}

} // namespace

namespace {

bool has_only_fields(const layers::Layer& layer, const std::vector<std::string>& names) {
    if (layer.fields.size() != names.size()) return false;
    for (std::size_t f = 0; f < names.size(); ++f)
        if (layer.fields[f].name != names[f]) return false;
    return true;
}

} // namespace

void OutputOptions::keep_fields(layers::Layer& layer) const {
    if (!fields.empty()) naming_option("--fields:", [&] { layer.keep_fields(fields); });
}

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
void OutputOptions::draw(const layers::Layer& result, const GlobalOptions& global, std::ostream& err,
                         const std::string& class_by) const {
    if (!result.has_geometry())
        throw ArgumentError(fmt::format("-o {}: this answer has no geometry to draw; write it as .csv", path));
    std::vector<layers::Layer> drawn{result};
    drawn.insert(drawn.end(), map_marks.begin(), map_marks.end());
    layers::MapOptions options;
    map.apply(options);
    options.overwrite = write.overwrite;
    options.crs = write.crs;
    options.size_by = size_by;
    options.class_by = class_by;
    const auto report = layers::write_map(drawn, layers::bundled_base_map(), options, path);
    if (global.verbose)
        fmt::print(err, "wrote {}: {} features, {} labels\n", path, result.size(), report.labels.size());
}

void OutputOptions::emit(const layers::Layer& result, const GlobalOptions& global, std::ostream& out,
                         std::ostream& err, layers::StyleKind style_kind, const std::string& class_field) const {
    std::optional<layers::Layer> chosen;  // a copy, unless the fields are those chosen already
    if (!fields.empty() && !has_only_fields(result, fields)) keep_fields(chosen.emplace(result));
    const layers::Layer& shown = chosen ? *chosen : result;
    if (path.empty()) return print(shown, format, table_options(wide, !fields.empty()), write.precision, out);
    if (to_image()) return draw(shown, global, err, style_kind == layers::StyleKind::Grid ? class_field : "");
    if (write.format == layers::FileFormat::Html) {
        layers::StyleOptions style_options;
        style_options.kind = style_kind;
        style_options.grid_field = class_field;
        style_options.size_by = size_by;
        std::vector<layers::MapLayer> drawn{{&shown, layer_name, style_options}};
        for (const auto& mark : map_marks) drawn.push_back({&mark, mark.name, {}});
        layers::HtmlMapOptions options;
        options.tiles = tiles;
        options.precision = write.precision;
        options.overwrite = write.overwrite;
        if (names_standard_output(path))
            out << layers::html_map(drawn, layers::bundled_base_layers(), layers::read_leaflet(), options);
        else
            layers::write_html_map(drawn, layers::bundled_base_layers(), options, path);
        if (global.verbose) fmt::print(err, "drew {} features on the map {}\n", shown.size(), path);
        return;
    }
    if (names_standard_output(path)) return layers::write_layer_to(shown, out, write);
    std::optional<layers::StyleOptions> style_options;
    if (style || !size_by.empty()) {
        style_options.emplace();
        style_options->kind = style_kind;
        style_options->size_by = size_by;
        style_options->grid_field = class_field;
    }
    const auto report = layers::write_layers({{&shown, layer_name, style_options}}, path, write);
    if (!global.quiet)
        for (const auto& note : report.notes) print_note(err, note);
    if (global.verbose)
        for (const auto& detail : report.details) print_note(err, detail);
    if (global.verbose) fmt::print(err, "wrote {} features to {}\n", shown.size(), path);
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
