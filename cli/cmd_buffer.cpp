#include "cli/cmd_buffer.hpp"

#include "base/error.hpp"
#include "geo/units.hpp"
#include "layers/derive/buffer.hpp"

#include <fmt/format.h>

namespace depmap::cli {

CLI::App* BufferCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("buffer", "Geodesic buffers: polygons at a distance around each feature");
    command->add_option("-r,--radius", m_radius, "The distance on the ellipsoid: 10km, 5mi, 800m")->required();
    command->add_option("--tolerance", m_tolerance,
                        "Largest error of any boundary point as drawn (straight lon/lat edges)")
        ->capture_default_str();
    command->add_flag("--dissolve", m_dissolve, "Merge the buffers into one multipolygon with the member count");
    m_input.add_to(*command);
    m_output.add_to(*command);
    return command;
}

void BufferCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    layers::BufferOptions options;
    options.radius_m = geo::parse_distance_m(m_radius);
    options.tolerance_m = geo::parse_distance_m(m_tolerance);
    if (options.radius_m <= 0) throw ArgumentError("--radius: give a positive distance such as 10km");
    if (options.tolerance_m < layers::min_tolerance_m)
        throw ArgumentError(fmt::format("--tolerance {}: give at least {:g} m, such as 1m", m_tolerance,
                                        layers::min_tolerance_m));
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": buffer needs a point layer");
    m_output.emit(layers::buffer_layer(layer, options, m_dissolve), global, out, err, layers::StyleKind::Areas);
}

} // namespace depmap::cli
