#include "cli/cmd_near.hpp"

#include "cli/examples.hpp"
#include "cli/layer_options.hpp"
#include "cli/query_places.hpp"
#include "layers/query/proximity.hpp"
#include "layers/render/query_marks.hpp"
#include "cli/whole_number.hpp"
#include "cli/distance_option.hpp"

namespace depmap::cli {

CLI::App* NearCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("near", "Features within a distance of a place, nearest first");
    m_places.add_to(*command);
    add_distance_option(*command, "-r,--radius", m_radius_m, "The distance: 50km, 12.5 mi, 800 m, 3nmi")->required();
    command->add_option("--limit", m_limit, "Only the nearest N (per place)")->check(whole_number(1));
    command->add_flag("--count", m_count, "Only the number of features (per place)");
    m_input.add_to(*command);
    m_output.add_to(*command);
    command->add_flag("--bearing", m_bearing, "Azimuths as bearings, 0-360 degrees clockwise from north (bearing_deg), not -180..180 (azimuth_deg)")->group("Output");
    add_examples(*command, {
                           {"depmap near Baotou --radius 150km --commodity REE", "rare-earth sites within 150 km of Baotou, nearest first"},
                           {"depmap near --from data/cities.csv --radius 50km --count", "how many sites lie within 50 km of each city"}});
    return command;
}

void NearCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    const double radius_m = m_radius_m;
    std::optional<layers::Around> around;  // a PostGIS table's server may select the candidates
    if (!m_places.from.given())
        if (const auto centre = layers::coordinates_in(m_places.place)) {
            around.emplace();
            around->centre = *centre;
            around->radius_m = radius_m;
        }
    const auto input = m_input.load(global, err, around);
    layers::check_points_layer(input.all);  // before a place is looked for in it, or counted around
    const auto places = m_places.resolve(input.all, global, err);
    if (m_output.to_map()) m_output.map_marks = layers::query_marks(places, radius_m);
    const layers::Layer& layer = input.selected();
    const geo::PointIndex index(layer.points);
    if (m_count) return m_output.emit(layers::near_counts(index, places, radius_m), global, out, err);
    layers::NearOptions options;
    options.radius_m = radius_m;
    options.limit = m_limit;
    options.label_queries = m_places.from.given();
    auto answer = layers::near(layer, index, places, options);
    if (m_bearing) layers::azimuths_as_bearings(answer);
    m_output.emit(answer, global, out, err);
}

} // namespace depmap::cli
