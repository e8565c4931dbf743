#include "cli/cmd_info.hpp"

#include "base/error.hpp"
#include "cli/examples.hpp"
#include "cli/layer_options.hpp"
#include "layers/query/layer_summary.hpp"
#include "layers/text/text_output.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace depmap::cli {

namespace {

void print_json(const layers::LayerSummary& s, std::ostream& out) {
    using json = nlohmann::ordered_json;
    json j{{"source", s.source}, {"layer", s.name}, {"driver", s.driver}, {"count", s.count},
           {"skipped", s.skipped.count}};
    if (s.skipped.count > 0) j["skipped_reasons"] = s.skipped.by_reason;
    if (s.records) j["records"] = *s.records;
    j["extent"] = s.extent.empty() ? json(nullptr) : json{s.extent.min_lon_deg, s.extent.min_lat_deg,
                                                          s.extent.max_lon_deg, s.extent.max_lat_deg};
    j["crs"] = s.crs.empty() ? json(nullptr) : json(s.crs);
    j["geometry_type"] = s.geometry_type;
    j["geometry_source"] = s.geometry_source;
    j["coordinate_columns"] = s.coordinate_columns;
    auto& fields = j["fields"] = json::object();
    for (const auto& field : s.fields) fields[field.name] = std::string(layers::to_string(field.type));
    if (s.commodities) {
        auto& commodities = j["commodities"] = json::object();
        for (const auto& c : s.commodities->commodities) commodities[c.name] = c.sites;
        j["without_commodity"] = s.commodities->without;
    }
    out << j.dump(2) << '\n';
}

void print_table(const layers::LayerSummary& s, std::ostream& out) {
    fmt::print(out, "source:      {}\nlayer:       {} ({})\nfeatures:    {}", s.source, s.name, s.driver, s.count);
    if (s.records) fmt::print(out, " sites, made of {} records (depmap info records lists those)", *s.records);
    if (s.skipped.count > 0) fmt::print(out, " ({} skipped)", s.skipped.count);
    fmt::print(out, "\ngeometry:    {} from {}\n", s.geometry_type, s.geometry_source);
    fmt::print(out, "crs:         {}\n", s.crs.empty() ? "none given (read as EPSG:4326)" : s.crs);
    if (s.extent.empty()) fmt::print(out, "extent:      none\n");
    else fmt::print(out, "extent:      lon {:.6f} to {:.6f}, lat {:.6f} to {:.6f} (WGS84)\n",
                    s.extent.min_lon_deg, s.extent.max_lon_deg, s.extent.min_lat_deg, s.extent.max_lat_deg);
    std::size_t width = 0;
    for (const auto& field : s.fields) width = std::max(width, field.name.size());
    fmt::print(out, "fields:      {}\n", s.fields.size());
    for (const auto& field : s.fields) fmt::print(out, "  {:<{}}  {}\n", field.name, width, layers::to_string(field.type));
    if (!s.commodities) return;
    fmt::print(out, "commodities: {} (from field {}; a {} may list several)\n", s.commodities->commodities.size(),
               s.commodities->field, s.records ? "site" : "feature");
    for (const auto& c : s.commodities->commodities) fmt::print(out, "  {:>7}  {}\n", c.sites, c.name);
    if (s.commodities->without > 0) fmt::print(out, "  {:>7}  (none listed)\n", s.commodities->without);
}

} // namespace

CLI::App* InfoCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("info", "What is in a layer: count, extent, CRS, fields, "
                                               "commodities");
    command->add_option("file", m_path, "The layer: a file, or a bundled layer by name (see --list; default: the "
                                        "bundled deposits)")
        ->check(non_empty_path());
    command->add_flag("--list", m_list, "List the bundled layers, with their names and feature counts");
    m_layer.add_to(*command);
    add_format_option(*command, m_format, {{"table", OutputFormat::Table}, {"json", OutputFormat::Json}});
    add_examples(*command, {
                           {"depmap info", "what is in the bundled deposits"},
                           {"depmap info data/cities.csv -f json", "the same for a file, as JSON"}});
    return command;
}

void InfoCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    if (m_list) {
        if (!m_path.empty()) throw ArgumentError("give a FILE or --list, not both");
        const auto list = layers::bundled_layer_list();
        return m_format == OutputFormat::Json ? layers::write_json(list, out) : layers::write_table(list, out);
    }
    const auto summary = layers::summarise_layer(m_layer.load(m_path, global, err));
    if (m_format == OutputFormat::Json) print_json(summary, out);
    else print_table(summary, out);
}

} // namespace depmap::cli
