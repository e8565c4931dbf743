#include "cli/query_input.hpp"

#include "geo/error.hpp"
#include "layers/atomic_output.hpp"
#include "layers/attribute_filter.hpp"
#include "layers/text_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <filesystem>

namespace depmap::cli {

void QueryInput::add_to(CLI::App& command) {
    command.add_option("--layer", layer_path, "The layer to query (default: the bundled deposits)");
    layer.add_to(command);
    command.add_option("--where", where, "Only features matching this OGR SQL WHERE clause");
    command.add_option("--commodity", commodity,
                       "Only features listing this commodity (REE, Fe, Cu, Coal, ...)");
}

SelectedLayer QueryInput::load(const GlobalOptions& global, std::ostream& err) const {
    SelectedLayer result{layer.load(layer_path, global, err), std::nullopt};
    if (where.empty() && commodity.empty()) return result;
    std::vector<std::size_t> rows(result.all.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    if (!where.empty()) rows = layers::rows_where(result.all, where);
    if (!commodity.empty()) {
        const auto with = layers::rows_with_commodity(result.all, commodity);
        std::vector<std::size_t> both;
        std::set_intersection(rows.begin(), rows.end(), with.begin(), with.end(), std::back_inserter(both));
        rows = std::move(both);
    }
    if (global.verbose) fmt::print(err, "selected {} of {} features\n", rows.size(), result.all.size());
    if (rows.empty() && !commodity.empty() && !global.quiet)
        fmt::print(err, "note: no feature of {} lists the commodity '{}'\n", result.all.source, commodity);
    result.filtered = result.all.subset(rows);
    return result;
}

void OutputOptions::add_to(CLI::App& command) {
    add_format_option(command, format,
                      {{"table", OutputFormat::Table}, {"csv", OutputFormat::Csv},
                       {"json", OutputFormat::Json}, {"geojson", OutputFormat::GeoJson}});
    command.add_option("-o,--output", path, "Write the answer to this file (.csv, .json, .geojson)");
    command.add_flag("-O,--overwrite", overwrite, "Replace an existing output file");
}

namespace {

void write(const layers::Layer& result, OutputFormat format, std::ostream& out) {
    switch (format) {
    case OutputFormat::Table: layers::write_table(result, out); break;
    case OutputFormat::Csv: layers::write_csv(result, out); break;
    case OutputFormat::Json: layers::write_json(result, out); break;
    case OutputFormat::GeoJson: layers::write_geojson(result, out); break;
    }
}

OutputFormat format_for(const std::string& path) {
    auto extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".csv") return OutputFormat::Csv;
    if (extension == ".json") return OutputFormat::Json;
    if (extension == ".geojson") return OutputFormat::GeoJson;
    throw ArgumentError(fmt::format("-o {}: write .csv, .json or .geojson here; other formats go "
                                    "through depmap export", path));
}

} // namespace

void OutputOptions::emit(const layers::Layer& result, std::ostream& out) const {
    if (path.empty()) return write(result, format, out);
    const auto file_format = format == OutputFormat::Table ? format_for(path) : format;
    layers::AtomicOutput output(path, overwrite);
    write(result, file_format, output.stream());
    output.commit();
}

layers::Place resolve_place(const std::string& text, const layers::Layer& layer,
                            const GlobalOptions& global, std::ostream& err) {
    const layers::PlaceResolver resolver(layer, layers::bundled_gazetteers());
    const auto place = resolver.resolve(text);
    if (global.verbose)
        fmt::print(err, "{}: {} at {:.6f},{:.6f} ({}{})\n", text, place.label, place.position.lon_deg,
                   place.position.lat_deg, place.origin,
                   place.records > 1 ? fmt::format("; the geodesic mean of {} records within {:g} km",
                                                   place.records, layers::same_place_m / 1000)
                                     : std::string());
    return place;
}

} // namespace depmap::cli
