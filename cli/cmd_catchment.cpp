#include "cli/cmd_catchment.hpp"

#include "cli/examples.hpp"
#include "cli/totals_options.hpp"
#include "cli/hub_places.hpp"
#include "base/error.hpp"
#include "cli/distance_option.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/derive/catchment.hpp"
#include "layers/gdal/overlay.hpp"
#include "layers/query/regions.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace depmap::cli {

CLI::App* CatchmentCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("catchment", "The part of a region nearer to each hub than to any other, with totals");
    command->add_option("--hubs", m_hubs,
                        "Places separated by commas (names, Baotou, lon,lat, DMS), or a file of points "
                        "named by their name field (repeatable)")->required();
    m_hub_files.add_reading_options(*command);
    m_hub_files.add_where(*command, "--hubs-where");
    m_within.value = "boundary";
    m_within.add_to(*command, "The region to divide: 'boundary' (Inner Mongolia, the default), 'divisions' (the "
                              "same: the union of the bundled leagues and cities), or a polygon file (all its "
                              "polygons together)");
    add_sum_option(*command, m_sums, "A numeric field to total per hub (repeatable)");
    add_distance_option(*command, "--tolerance", m_tolerance_m,
                        "How far a drawn border may stray from the true geodesic one (default 10m)",
                        layers::check_catchment_tolerance);
    m_input.add_to(*command);
    m_output.add_to(*command);
    add_examples(*command, {
                           {"depmap catchment --hubs Baotou,Chifeng,Hulunbuir -o catchments.gpkg", "the part of Inner Mongolia nearest each city, with its sites"},
                           {"depmap catchment --hubs Baotou,Hohhot --sum capacity_mtpa --commodity Coal", "coal capacity in each hub's catchment"}});
    return command;
}

void CatchmentCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    layers::CatchmentOptions options;
    options.sum_fields = m_sums;
    options.tolerance_m = m_tolerance_m;

    // The bundled boundary is the dissolved divisions, edge for edge: one file serves both.
    const auto within = m_within.path();
    const auto polygons = layers::polygons_of(m_within.load(global, err));
    const auto region = layers::union_of(polygons);
    if (region.empty()) throw InputError(within + ": --within holds no polygon area");

    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": catchment needs a point layer");
    const auto hubs = hub_places(m_hubs, m_hub_files, input.all, global, err);
    const auto result = layers::catchments(layer, hubs, region, options);
    if (const auto outside = layers::outside_count(layer, {region}); outside > 0 && !global.quiet)
        fmt::print(err, "note: {} of {} features lie outside {} and are not counted\n", outside,
                   layer.size(), within);
    m_output.emit(result, global, out, err, layers::StyleKind::Grid, class_field(m_sums));
}

} // namespace depmap::cli
