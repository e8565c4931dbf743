#include "cli/cmd_cluster.hpp"

#include "cli/examples.hpp"
#include "cli/totals_options.hpp"
#include "cli/distance_option.hpp"
#include "cli/option_errors.hpp"
#include "cli/whole_number.hpp"
#include "layers/derive/hull.hpp"
#include "geo/dbscan.hpp"
#include "base/error.hpp"
#include "layers/derive/clusters.hpp"
#include "layers/query/field_totals.hpp"
#include "layers/derive/districts.hpp"

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>

namespace depmap::cli {

CLI::App* ClusterCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("cluster", "DBSCAN clusters (mining districts) of the features");
    add_distance_option(*command, "--eps", m_eps_m, "Neighbourhood radius, exact geodesic: 25km, 10 mi, 800 m")->required();
    command->add_option("--min-points", m_min_points,
                        "Neighbours within --eps, the feature itself included, that make a core feature")
        ->check(whole_number(1))
        ->capture_default_str();
    command->add_flag("--districts", m_districts, "One polygon per cluster with count, commodity mix and sums");
    command->add_option("--shape", m_shape, "With --districts: hull (of the members, the default) or buffer "
                                            "(union of circles around them)")
        ->check(CLI::IsMember({"hull", "buffer"}).description(""))
        ->type_name("hull|buffer");
    m_buffer_option = add_distance_option(*command, "--buffer", m_buffer_m,
                                          "With --shape buffer: the circles' radius (default: half of --eps)");
    command->add_option("--concave", m_concave, "With --shape hull: concave hull ratio in (0, 1]; 1 is convex")
        ->check(checked_number("--concave:", layers::check_concave_ratio))
        ->capture_default_str();
    add_sum_option(*command, m_sums, "With --districts: a numeric field to total per cluster (repeatable)");
    m_input.add_to(*command);
    m_output.add_to(*command);
    add_examples(*command, {
                           {"depmap cluster --eps 25km --min-points 3", "every site with its cluster"},
                           {"depmap cluster --eps 25km --districts -o districts.gpkg", "one polygon per mining district"}});
    return command;
}

void ClusterCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    geo::DbscanOptions options;
    options.eps_m = m_eps_m;
    options.min_points = m_min_points;
    if (!m_districts && !m_sums.empty()) throw ArgumentError("--sum needs --districts");
    const bool buffer_given = m_buffer_option->count() > 0;
    if (!m_districts && (m_shape != "hull" || buffer_given || m_concave != 1.0))
        throw ArgumentError("--shape, --buffer and --concave need --districts");
    if (m_shape == "hull" && buffer_given) throw ArgumentError("--buffer needs --shape buffer");
    if (m_shape == "buffer" && m_concave != 1.0) throw ArgumentError("--concave needs --shape hull");
    layers::DistrictOptions districts;
    districts.shape = m_shape == "buffer" ? layers::DistrictShape::Buffer : layers::DistrictShape::Hull;
    districts.concave_ratio = m_concave;
    districts.buffer_m = buffer_given ? m_buffer_m : options.eps_m / 2.0;
    districts.sum_fields = m_sums;
    if (m_districts && districts.shape == layers::DistrictShape::Buffer && !(districts.buffer_m > 0.0))
        throw ArgumentError("--shape buffer needs a radius above 0: give --buffer, or an --eps above 0");
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": cluster needs a point layer");
    layers::sum_columns(layer, m_sums);  // a bad --sum fails now, not after the clustering
    const auto clusters = geo::dbscan(layer.points, options);
    if (!global.quiet) {
        const auto noise = std::count(clusters.cluster.begin(), clusters.cluster.end(), -1);
        fmt::print(err, "note: {} cluster{} of {} features; {} noise (cluster_id -1)\n", clusters.sizes.size(),
                   clusters.sizes.size() == 1 ? "" : "s", layer.size(), noise);
    }
    if (!m_districts) return m_output.emit(layers::clustered_points(layer, clusters), global, out, err);
    m_output.emit(layers::district_layer(layer, clusters, districts), global, out, err, layers::StyleKind::Areas);
}

} // namespace depmap::cli
