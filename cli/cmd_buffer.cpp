#include "cli/cmd_buffer.hpp"

#include "base/error.hpp"
#include "cli/examples.hpp"
#include "cli/distance_option.hpp"
#include "layers/derive/buffer.hpp"

#include <fmt/format.h>

namespace depmap::cli {

CLI::App* BufferCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("buffer", "Geodesic buffers: polygons at a distance around each feature");
    add_distance_option(*command, "-r,--radius", m_options.radius_m, "The distance on the ellipsoid: 10km, 5mi, 800m",
                        layers::check_buffer_radius)->required();
    add_distance_option(*command, "--tolerance", m_options.tolerance_m,
                        "Largest error of any boundary point as drawn (straight lon/lat edges)",
                        layers::check_buffer_tolerance)->default_str("1m");
    command->add_flag("--dissolve", m_dissolve, "Merge the buffers into one multipolygon with the member count");
    m_input.add_to(*command);
    m_output.add_to(*command);
    add_examples(*command, {
                           {"depmap buffer --commodity REE --radius 10km -o ree10km.gpkg", "a 10 km buffer around every rare-earth site"},
                           {"depmap buffer --radius 5km --dissolve -f csv", "the merged 5 km buffers of all sites, with their area"}});
    return command;
}

void BufferCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": buffer needs a point layer");
    m_output.emit(layers::buffer_layer(layer, m_options, m_dissolve), global, out, err, layers::StyleKind::Areas);
}

} // namespace depmap::cli
