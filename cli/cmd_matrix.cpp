#include "cli/cmd_matrix.hpp"

#include "cli/examples.hpp"
#include "cli/query_places.hpp"
#include "base/error.hpp"
#include "layers/model/catalogue.hpp"
#include "layers/query/distance_pairs.hpp"
#include "layers/query/proximity.hpp"

#include <filesystem>

namespace depmap::cli {

CLI::App* MatrixCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("matrix", "Distances between the selected features, to other places, or to the nearest of another layer");
    command->add_option("--to", m_to, "A file of places, or one or more places (names, ids, lon,lat)");
    m_to_file.add_reading_options(*command);
    m_to_file.add_where(*command, "--to-where");
    m_nearest_of.add_to(*command, "A layer: each feature's nearest feature of it, with the distance");
    m_nearest_of.add_where(*command, "--nearest-where");
    m_input.add_to(*command);
    m_output.add_to(*command);
    command->add_flag("--bearing", m_bearing, "Azimuths as bearings, 0-360 degrees clockwise from north (bearing_deg), not -180..180 (azimuth_deg)")->group("Output");
    add_examples(*command, {
                           {"depmap matrix --commodity REE --to Baotou Hohhot", "each rare-earth site's distance to two cities"},
                           {"depmap matrix --commodity REE --nearest-of data/cities.csv", "each rare-earth site's nearest city"}});
    return command;
}

void MatrixCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    if (!m_to.empty() && m_nearest_of.given()) throw ArgumentError("give --to or --nearest-of, not both");
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": matrix needs a point layer");
    const auto from = layers::places_of(layer);
    if (m_nearest_of.given()) {
        const auto other = m_nearest_of.load(global, err);
        if (!other.is_points()) throw InputError(m_nearest_of.value + ": --nearest-of needs a point layer");
        auto answer = layers::nearest_of(layer, other);
        if (m_bearing) layers::azimuths_as_bearings(answer);
        return m_output.emit(answer, global, out, err);
    }
    std::vector<layers::Place> to;
    if (m_to.empty()) {
        to = from;
    } else if (m_to.size() == 1 && names_a_layer(m_to.front())) {
        to = layers::places_of(m_to_file.load(m_to.front(), global, err));
    } else {
        for (const auto& text : m_to) to.push_back(resolve_place(text, input.all, global, err));
    }
    const auto printing = !m_output.path.empty() ? layers::PairsPrinting::File
                          : m_output.format == OutputFormat::Table ? layers::PairsPrinting::Table
                          : m_output.format == OutputFormat::Csv ? layers::PairsPrinting::File
                                                                 : layers::PairsPrinting::Json;
    m_output.emit(layers::distance_pairs(from, to, printing), global, out, err);
}

} // namespace depmap::cli
