#include "cli/cmd_grid.hpp"

#include "cli/examples.hpp"
#include "cli/totals_options.hpp"
#include "base/error.hpp"
#include "cli/distance_option.hpp"
#include "geo/grid.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/derive/density_grid.hpp"
#include "layers/query/regions.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace depmap::cli {

CLI::App* GridCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("grid", "Equal-area density grid: features and sums per cell");
    add_distance_option(*command, "--cell", m_cell_m,
                        "Cell size: the side of a square cell (50km, 20 mi); hexagons have the same area",
                        geo::check_cell_size)->required();
    command->add_flag("--hex", m_hex, "Hexagonal cells instead of squares");
    add_sum_option(*command, m_sums, "A numeric field to total per cell (repeatable)");
    m_extent.add_to(*command, "Count only features inside these polygons, with cells over their extent: a file, or "
                              "'divisions' (the bundled leagues and cities); default the layer's own extent");
    command->add_flag("--keep-empty", m_keep_empty, "Also the cells without features (with --extent: those touching it)");
    m_input.add_to(*command);
    m_output.add_to(*command);
    add_examples(*command, {
                           {"depmap grid --cell 50km --hex -o density.gpkg --style", "a hexagonal density map, ready for QGIS"},
                           {"depmap grid --cell 100km --commodity Coal --sum capacity_mtpa", "coal capacity per 100 km cell"}});
    return command;
}

void GridCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    layers::DensityGridOptions options;
    options.grid.cell_m = m_cell_m;
    options.grid.shape = m_hex ? geo::CellShape::Hexagon : geo::CellShape::Square;
    options.sum_fields = m_sums;
    options.keep_empty = m_keep_empty;
    if (m_extent.given()) options.extent = layers::polygons_of(m_extent.load(global, err));
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    const auto grid = layers::density_grid(layer, options);
    if (!options.extent.empty() && !global.quiet)
        if (const auto outside = layers::outside_count(layer, options.extent); outside > 0)
            fmt::print(err, "note: {} of {} features lie outside {} and are not counted\n", outside, layer.size(),
                       m_extent.value);
    m_output.emit(grid, global, out, err, layers::StyleKind::Grid, class_field(m_sums));
}

} // namespace depmap::cli
