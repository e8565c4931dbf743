#include "cli/cmd_nearest.hpp"

#include "cli/examples.hpp"
#include "cli/layer_options.hpp"
#include "cli/query_places.hpp"
#include "layers/query/proximity.hpp"
#include "layers/render/query_marks.hpp"
#include "cli/whole_number.hpp"
#include "cli/distance_option.hpp"

namespace depmap::cli {

CLI::App* NearestCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("nearest", "The k nearest features to a place, by exact geodesic distance");
    m_places.add_to(*command);
    command->add_option("-k", m_k, "How many (default 5)")->check(whole_number(1));
    add_distance_option(*command, "--max-distance", m_max_distance_m, "Only features within this distance (50km, ...)");
    m_input.add_to(*command);
    m_output.add_to(*command);
    command->add_flag("--bearing", m_bearing, "Azimuths as bearings, 0-360 degrees clockwise from north (bearing_deg), not -180..180 (azimuth_deg)")->group("Output");
    add_examples(*command, {
                           {"depmap nearest Erenhot -k 5 --commodity U", "the 5 uranium sites nearest Erenhot"},
                           {"depmap nearest 109.97,41.80 -k 3 -f csv", "the 3 sites nearest a point, as CSV"}});
    return command;
}

void NearestCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    layers::NearestOptions options;
    options.k = m_k;
    options.max_distance_m = m_max_distance_m;
    options.label_queries = m_places.from.given();
    std::optional<layers::Around> around;  // a PostGIS table's server may select the candidates
    if (!m_places.from.given() && m_k > 0)
        if (const auto centre = layers::coordinates_in(m_places.place)) {
            around.emplace();
            around->centre = *centre;
            around->radius_m = m_max_distance_m;
            around->k = m_k;
        }
    const auto input = m_input.load(global, err, around);
    layers::check_points_layer(input.all);  // before a place is looked for in it
    const auto places = m_places.resolve(input.all, global, err);
    if (m_output.to_map()) m_output.map_marks = layers::query_marks(places);
    const layers::Layer& layer = input.selected();
    const geo::PointIndex index(layer.points);
    auto answer = layers::nearest(layer, index, places, options);
    if (m_bearing) layers::azimuths_as_bearings(answer);
    m_output.emit(answer, global, out, err);
}

} // namespace depmap::cli
