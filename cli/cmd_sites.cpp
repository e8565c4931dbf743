#include "cli/cmd_sites.hpp"

#include "cli/distance_option.hpp"
#include "cli/parameter_flags.hpp"
#include "layers/sites/sites.hpp"

#include <fmt/ostream.h>

#include <algorithm>

namespace depmap::cli {

CLI::App* SitesCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("sites", "Link the records of one deposit or mine into sites, with the evidence");
    command->add_option("file", m_files, "Layers of records with id and name (default: the bundled records)")
        ->check(non_empty_path());
    m_layer.add_to(*command);
    command->add_option("--overrides", m_overrides, "CSV of record_a,record_b,decision (link|separate),reason over "
                        "the rules (default: data/site_links.csv for the bundled records, else none)")
        ->check(non_empty_path());
    add_distance_option(*command, "--max-distance", m_max_distance_m,
                        "Records farther apart are never one site, unless an override links them (default 25km)");
    m_output.add_to(*command);
    m_links.add_to(*command, "--links", "Write the evidence (pairs linked or nearly linked, and why) to this file");
    m_records.add_to(*command, "--records", "Write every record with its site_id to this file (a GeoPackage -o holds "
                     "them as its records layer)");
    command->parse_complete_callback([this] {
        m_output.check(true);
        m_links.check(m_output.write);
        m_records.check(m_output.write);
    });
    return command;
}

void SitesCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    std::vector<layers::Layer> inputs;
    // The bundled records by default: the bundled default layer is their sites.
    const bool bundled = m_files.empty() || (m_files.size() == 1 && m_files.front() == "records");
    for (const auto& file : m_files.empty() ? std::vector<std::string>{"records"} : m_files)
        inputs.push_back(m_layer.load(file, global, err));
    layers::SiteOptions options;
    options.max_distance_m = m_max_distance_m;
    if (!m_overrides.empty()) options.overrides = layers::read_link_overrides(m_overrides);
    else if (bundled) options.overrides = layers::bundled_link_overrides();
    const auto result = layers::link_sites(inputs, options);
    if (!global.quiet) {
        for (const auto& note : result.notes) print_note(err, note);
        const auto& counts = result.sites.columns[*result.sites.field_index("record_count")];
        std::size_t shared = 0;
        for (std::size_t row = 0; row < counts.size(); ++row) shared += counts.integer(row) > 1;
        fmt::print(err, "note: {} records make {} site{} ({} of several records); {} pairs of evidence\n",
                   result.records.size(), result.sites.size(), result.sites.size() == 1 ? "" : "s", shared,
                   result.links.size());
    }
    if (m_output.to_package()) m_output.emit_package({&result.sites, &result.records}, global, err);
    else m_output.emit(result.sites, global, out, err);
    m_records.write(result.records, global, err);
    m_links.write(result.links, global, err);
}

} // namespace depmap::cli
