#include "cli/cmd_grid.hpp"

#include "base/error.hpp"
#include "cli/distance_option.hpp"
#include "geo/grid.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/derive/density_grid.hpp"
#include "layers/read/read.hpp"
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
    command->add_option("--sum", m_sums, "A numeric field to total per cell (repeatable)");
    command->add_option("--extent", m_extent,
                        "Count only features inside these polygons, with cells over their extent: a file, or "
                        "'divisions' (the bundled leagues and cities); default the layer's own extent");
    command->add_option("--extent-layer-name", m_extent_layer_name, "The layer of a multi-layer --extent file");
    command->add_flag("--keep-empty", m_keep_empty, "Also the cells without features (with --extent: those touching it)");
    m_input.add_to(*command);
    m_output.add_to(*command);
    return command;
}

void GridCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    layers::DensityGridOptions options;
    options.grid.cell_m = m_cell_m;
    options.grid.shape = m_hex ? geo::CellShape::Hexagon : geo::CellShape::Square;
    options.sum_fields = m_sums;
    options.keep_empty = m_keep_empty;
    if (!m_extent.empty()) {
        layers::ReadOptions extent_options;
        extent_options.layer_name = m_extent_layer_name;
        const auto path = layers::bundled_or_path(m_extent, {{"divisions", layers::Bundled::Divisions}});
        options.extent = layers::polygons_of(layers::read_layer(path, extent_options));
    }
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    const auto grid = layers::density_grid(layer, options);
    if (!options.extent.empty() && !global.quiet)
        if (const auto outside = layers::outside_count(layer, options.extent); outside > 0)
            fmt::print(err, "note: {} of {} features lie outside {} and are not counted\n", outside, layer.size(),
                       m_extent);
    m_output.emit(grid, global, out, err, layers::StyleKind::Grid);
}

} // namespace depmap::cli
