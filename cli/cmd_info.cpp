#include "cli/cmd_info.hpp"

#include "cli/layer_options.hpp"
#include "layers/model/commodities.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace depmap::cli {

namespace {

// Commodities most frequent first, then by name; "" (none listed) last.
std::vector<std::pair<std::string, std::size_t>> ranked(const std::map<std::string, std::size_t>& counts) {
    std::vector<std::pair<std::string, std::size_t>> rows(counts.begin(), counts.end());
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        if (a.first.empty() != b.first.empty()) return b.first.empty();
        return a.second > b.second;
    });
    return rows;
}

void print_json(const layers::Layer& layer, std::ostream& out) {
    nlohmann::ordered_json json;
    json["source"] = layer.source;
    json["layer"] = layer.name;
    json["driver"] = layer.driver;
    json["count"] = layer.size();
    json["skipped"] = layer.skipped.count;
    if (layer.skipped.count > 0) json["skipped_reasons"] = layer.skipped.by_reason;
    const auto extent = layer.extent();
    json["extent"] = extent.empty() ? nlohmann::ordered_json(nullptr)
                                    : nlohmann::ordered_json{extent.min_lon_deg, extent.min_lat_deg,
                                                             extent.max_lon_deg, extent.max_lat_deg};
    json["crs"] = layer.crs.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(layer.crs);
    json["geometry_type"] = layer.geometry_type;
    json["geometry_source"] = layer.geometry_source;
    json["coordinate_columns"] = layer.coordinate_columns;
    auto& fields = json["fields"] = nlohmann::ordered_json::object();
    for (const auto& field : layer.fields) fields[field.name] = std::string(layers::to_string(field.type));
    if (const auto field = layers::commodity_field(layer)) {
        auto& commodities = json["commodities"] = nlohmann::ordered_json::object();
        std::size_t without = 0;
        for (const auto& [name, count] : ranked(layers::count_commodities(layer, *field))) {
            if (name.empty()) without = count;
            else commodities[name] = count;
        }
        json["without_commodity"] = without;
    }
    out << json.dump(2) << '\n';
}

void print_table(const layers::Layer& layer, std::ostream& out) {
    fmt::print(out, "source:      {}\n", layer.source);
    fmt::print(out, "layer:       {} ({})\n", layer.name, layer.driver);
    fmt::print(out, "features:    {}", layer.size());
    if (layer.skipped.count > 0) fmt::print(out, " ({} skipped)", layer.skipped.count);
    fmt::print(out, "\ngeometry:    {} from {}\n", layer.geometry_type, layer.geometry_source);
    fmt::print(out, "crs:         {}\n", layer.crs.empty() ? "none given (read as EPSG:4326)" : layer.crs);
    const auto extent = layer.extent();
    if (extent.empty()) fmt::print(out, "extent:      none\n");
    else fmt::print(out, "extent:      lon {:.6f} to {:.6f}, lat {:.6f} to {:.6f} (WGS84)\n",
                    extent.min_lon_deg, extent.max_lon_deg, extent.min_lat_deg, extent.max_lat_deg);
    std::size_t width = 0;
    for (const auto& field : layer.fields) width = std::max(width, field.name.size());
    fmt::print(out, "fields:      {}\n", layer.fields.size());
    for (const auto& field : layer.fields)
        fmt::print(out, "  {:<{}}  {}\n", field.name, width, layers::to_string(field.type));
    const auto field = layers::commodity_field(layer);
    if (!field) return;
    const auto rows = ranked(layers::count_commodities(layer, *field));
    fmt::print(out, "commodities: {} (from field {}; a site may list several)\n",
               std::count_if(rows.begin(), rows.end(), [](const auto& r) { return !r.first.empty(); }),
               layer.fields[*field].name);
    for (const auto& [name, count] : rows)
        fmt::print(out, "  {:>7}  {}\n", count, name.empty() ? "(none listed)" : name);
}

} // namespace

CLI::App* InfoCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("info", "What is in a layer: count, extent, CRS, fields, "
                                               "commodities");
    command->add_option("file", m_path, "The layer (default: the bundled deposits)")
        ->check(non_empty_path());
    m_layer.add_to(*command);
    add_format_option(*command, m_format, {{"table", OutputFormat::Table}, {"json", OutputFormat::Json}});
    return command;
}

void InfoCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    const layers::Layer layer = m_layer.load(m_path, global, err);
    if (m_format == OutputFormat::Json) print_json(layer, out);
    else print_table(layer, out);
}

} // namespace depmap::cli
