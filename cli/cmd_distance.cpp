#include "cli/cmd_distance.hpp"

#include "cli/examples.hpp"
#include "cli/layer_options.hpp"
#include "geo/geodesic.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

namespace depmap::cli {

namespace {

nlohmann::ordered_json place_json(const layers::Place& place) {
    return {{"label", place.name}, {"lon", place.position.lon_deg}, {"lat", place.position.lat_deg},
            {"origin", place.origin}, {"records", place.records}};
}

std::string place_text(const layers::Place& place) {
    return fmt::format("{} ({:.6f}, {:.6f}; {}{})", place.name, place.position.lon_deg,
                       place.position.lat_deg, place.origin,
                       place.records > 1 ? fmt::format(", mean of {} records", place.records) : "");
}

} // namespace

CLI::App* DistanceCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("distance", "Geodesic distance and azimuths between two places (WGS84)");
    command->add_option("from", m_from, "A place: a feature name or id, a gazetteer place, lon,lat or DMS")->required();
    command->add_option("to", m_to, "Another place")->required();
    add_layer_option(*command, m_layer_path, "The layer whose names and ids are places");
    m_layer.add_to(*command);
    add_format_option(*command, m_format, {{"table", OutputFormat::Table}, {"json", OutputFormat::Json}});
    add_examples(*command, {
                           {"depmap distance \"Bayan Obo\" Baotou", "the geodesic distance and both azimuths"},
                           {"depmap distance 109.97,41.80 Erenhot -f json", "the same as JSON"}});
    return command;
}

void DistanceCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    const auto layer = m_layer.load(m_layer_path, global, err);
    const auto from = resolve_place(m_from, layer, global, err);
    const auto to = resolve_place(m_to, layer, global, err);
    const auto inverse = geo::geodesic_inverse(from.position, to.position);
    if (m_format == OutputFormat::Json) {
        nlohmann::ordered_json json{{"from", place_json(from)}, {"to", place_json(to)},
                                    {"distance_m", inverse.distance_m},
                                    {"azimuth1_deg", inverse.azimuth1_deg},
                                    {"azimuth2_deg", inverse.azimuth2_deg}};
        out << json.dump(2) << '\n';
        return;
    }
    fmt::print(out, "from:      {}\n", place_text(from));
    fmt::print(out, "to:        {}\n", place_text(to));
    fmt::print(out, "distance:  {:.3f} m ({:.3f} km), WGS84 geodesic\n", inverse.distance_m,
               inverse.distance_m / 1000);
    fmt::print(out, "azimuth:   {:.6f}° at the start, {:.6f}° at the end (clockwise from north)\n",
               inverse.azimuth1_deg, inverse.azimuth2_deg);
}

} // namespace depmap::cli
