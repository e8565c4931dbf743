#include "cli/cmd_within.hpp"

#include "base/error.hpp"
#include "cli/examples.hpp"
#include "cli/option_errors.hpp"
#include "layers/query/attribute_filter.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/read/read.hpp"
#include "layers/query/postgis_candidates.hpp"
#include "layers/query/regions.hpp"

#include <fmt/format.h>

namespace depmap::cli {

namespace {

std::vector<geo::MultiPolygon> chosen_polygons(const layers::Layer& regions, const std::string& where) {
    auto polygons = layers::polygons_of(regions);
    if (where.empty()) return polygons;
    std::vector<geo::MultiPolygon> chosen;
    const auto rows = naming_parameters({{"where", "--polygon-where"}}, [&] { return layers::rows_where(regions, where); });
    for (const auto row : rows) chosen.push_back(polygons[row]);
    if (chosen.empty())
        throw InputError(fmt::format("--polygon-where \"{}\" selects no polygon of {}", where, regions.source));
    return chosen;
}

geo::Box box_of(const std::vector<double>& values) { return {values[0], values[1], values[2], values[3]}; }

} // namespace

CLI::App* WithinCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("within", "Features inside a region: a bundled division, a polygon file or a box");
    command->add_option("region", m_region, "A division of the bundled data by name (Baotou, Xilingol, 包头市)");
    m_polygon.add_to(*command, "A file of polygons: features inside any of them");
    command->add_option("--polygon-where", m_polygon_where, "Only the polygons matching this OGR SQL clause");
    command->add_option("--bbox", m_bbox, "A box: min lon,min lat,max lon,max lat")
        ->delimiter(',')
        ->expected(4)
        ->type_name("MINLON,MINLAT,MAXLON,MAXLAT");
    // As the line is read (the output's checks hold parse_complete_callback).
    command->final_callback([this] {
        if (!m_bbox.empty()) naming_option("--bbox", [&] { layers::check_box(box_of(m_bbox)); });
    });
    m_input.add_to(*command);
    m_output.add_to(*command);
    add_examples(*command, {
                           {"depmap within Xilingol --where \"status = 'operating'\"", "operating sites in Xilingol League"},
                           {"depmap within --bbox 109,40,111,42 -o box.geojson", "the sites in a box, as GeoJSON"}});
    return command;
}

void WithinCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    const int given = !m_region.empty() + m_polygon.given() + !m_bbox.empty();
    if (given != 1) throw ArgumentError("give one of REGION, --polygon FILE or --bbox");
    std::vector<geo::MultiPolygon> polygons;
    if (!m_bbox.empty()) {
        polygons.push_back(layers::box_polygon(box_of(m_bbox)));
    } else if (m_polygon.given()) {
        polygons = chosen_polygons(m_polygon.load(global, err), m_polygon_where);
    } else {
        const auto divisions = layers::read_layer(layers::bundled_path(layers::Bundled::Divisions).string());
        polygons.push_back(layers::polygons_of(divisions)[layers::find_region(divisions, m_region)]);
    }
    layers::Around around;  // a PostGIS table's server selects the candidates in the polygons' boxes
    around.boxes = layers::candidate_boxes(polygons);
    const auto input = m_input.load(global, err, around);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": within needs a point layer");
    const auto rows = layers::rows_within(layer, polygons);
    m_output.emit(layer.subset(rows), global, out, err);
}

} // namespace depmap::cli
