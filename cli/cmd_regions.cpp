#include "cli/cmd_regions.hpp"

#include "cli/examples.hpp"
#include "cli/totals_options.hpp"
#include "cli/layer_options.hpp"
#include "base/error.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/query/postgis_candidates.hpp"
#include "layers/query/regions.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace depmap::cli {

CLI::App* RegionsCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("regions", "Which region each feature lies in, or totals per region");
    m_by.value = "divisions";
    m_by.add_to(*command, "Polygons of the regions: a file, or 'divisions' (the bundled leagues and cities, the default)");
    m_by.add_where(*command, "--by-where");
    add_sum_option(*command, m_sums, "With --summary: a numeric field to total per region (repeatable)");
    add_group_by_option(*command, m_group_by, "With --summary: split each region's totals by this field");
    command->add_flag("--summary", m_summary, "One row per region with count and sums");
    m_input.add_to(*command);
    m_output.add_to(*command);
    add_examples(*command, {
                           {"depmap regions --summary --group-by commodities", "sites per league and commodity"},
                           {"depmap regions --summary --sum capacity_mtpa --commodity Coal", "coal capacity per league"}});
    return command;
}

void RegionsCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    if (!m_summary && (!m_sums.empty() || !m_group_by.empty()))
        throw ArgumentError("--sum and --group-by need --summary");
    const auto by = m_by.path();
    const auto regions = m_by.load(global, err);
    // For the counts alone, a PostGIS table's server selects the candidates in the regions'
    // boxes and counts the rest, which lie outside every region.
    std::optional<layers::Around> around;
    if (m_summary && m_sums.empty() && m_group_by.empty() && m_input.where.empty() && m_input.commodity.empty()) {
        around.emplace();
        around->boxes = layers::candidate_boxes(layers::polygons_of(regions));
        around->count_rest = true;
    }
    const auto input = m_input.load(global, err, around);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": regions needs a point layer");
    if (!m_summary) {
        if (const auto outside = layers::outside_count(layer, layers::polygons_of(regions)); outside > 0 && !global.quiet)
            fmt::print(err, "note: {} of {} features lie outside every region of {} (region empty)\n",
                       outside, layer.size(), by);
        return m_output.emit(layers::assign_regions(layer, regions), global, out, err);
    }
    layers::RegionsOptions options;
    options.sum_fields = m_sums;
    options.group_by = m_group_by;
    options.outside_unread = input.unread;
    // A map: a choropleth of the regions, graduated on the first sum, else the count.
    options.shapes = m_output.to_map();
    if (!options.shapes) return m_output.emit(layers::summarise_regions(layer, regions, options), global, out, err);
    if (!m_group_by.empty())
        throw ArgumentError(fmt::format("-o {}: a map draws each region once; leave out --group-by, or write the "
                                        "totals as .csv", m_output.path));
    if (const auto outside = layers::outside_count(layer, layers::polygons_of(regions)) + input.unread;
        outside > 0 && !global.quiet)
        fmt::print(err, "note: {} of {} features lie outside every region of {} (not on the map)\n", outside,
                   layer.size() + input.unread, by);
    m_output.emit(layers::summarise_regions(layer, regions, options), global, out, err, layers::StyleKind::Grid,
                  class_field(m_sums));
}

} // namespace depmap::cli
