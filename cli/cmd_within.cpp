#include "cli/cmd_within.hpp"

#include "base/error.hpp"
#include "layers/query/attribute_filter.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/read/read.hpp"
#include "layers/query/regions.hpp"

#include <fmt/format.h>

namespace depmap::cli {

namespace {

std::vector<geo::MultiPolygon> chosen_polygons(const layers::Layer& regions, const std::string& where) {
    auto polygons = layers::polygons_of(regions);
    if (where.empty()) return polygons;
    std::vector<geo::MultiPolygon> chosen;
    for (const auto row : layers::rows_where(regions, where)) chosen.push_back(polygons[row]);
    if (chosen.empty())
        throw InputError(fmt::format("--polygon-where \"{}\" selects no polygon of {}", where, regions.source));
    return chosen;
}

} // namespace

CLI::App* WithinCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("within", "Features inside a region: a bundled division, a polygon file or a box");
    command->add_option("region", m_region, "A division of the bundled data by name (Baotou, Xilingol, 包头市)");
    command->add_option("--polygon", m_polygon_file, "A file of polygons: features inside any of them");
    command->add_option("--polygon-where", m_polygon_where, "Only the polygons matching this OGR SQL clause");
    command->add_option("--bbox", m_bbox, "A box: min lon,min lat,max lon,max lat")
        ->delimiter(',')->expected(4);
    m_input.add_to(*command);
    m_output.add_to(*command);
    return command;
}

void WithinCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    const int given = !m_region.empty() + !m_polygon_file.empty() + !m_bbox.empty();
    if (given != 1) throw ArgumentError("give one of REGION, --polygon FILE or --bbox");
    std::vector<geo::MultiPolygon> polygons;
    if (!m_bbox.empty()) {
        const geo::Box box{m_bbox[0], m_bbox[1], m_bbox[2], m_bbox[3]};
        const auto in = [](double value, double limit) { return value >= -limit && value <= limit; };  // NaN: false
        if (!in(box.min_lon_deg, 180) || !in(box.max_lon_deg, 180) || !in(box.min_lat_deg, 90) ||
            !in(box.max_lat_deg, 90))
            throw ArgumentError(fmt::format("--bbox {},{},{},{}: give finite degrees, longitudes within -180..180 "
                                            "and latitudes within -90..90", box.min_lon_deg, box.min_lat_deg,
                                            box.max_lon_deg, box.max_lat_deg));
        if (box.min_lon_deg > box.max_lon_deg || box.min_lat_deg > box.max_lat_deg)
            throw ArgumentError("--bbox: give min lon,min lat,max lon,max lat with min <= max");
        polygons.push_back(layers::box_polygon(box));
    } else if (!m_polygon_file.empty()) {
        polygons = chosen_polygons(layers::read_layer(m_polygon_file), m_polygon_where);
    } else {
        const auto divisions = layers::read_layer(layers::bundled_path(layers::Bundled::Divisions).string());
        polygons.push_back(layers::polygons_of(divisions)[layers::find_region(divisions, m_region)]);
    }
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": within needs a point layer");
    const auto rows = layers::rows_within(layer, polygons);
    m_output.emit(layer.subset(rows), global, out, err);
}

} // namespace depmap::cli
