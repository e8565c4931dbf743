#include "cli/cmd_matrix.hpp"

#include "cli/query_places.hpp"
#include "geo/distance_matrix.hpp"
#include "base/error.hpp"
#include "base/memory_budget.hpp"
#include "layers/query/proximity.hpp"
#include "layers/read/read.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace depmap::cli {

namespace {

// Long form: one row per pair, from_id, from_name, to_id, to_name, distance_m.
layers::Layer pairs_table(const std::vector<layers::QueryPlace>& from, const std::vector<layers::QueryPlace>& to) {
    std::vector<geo::LonLat> a, b;
    for (const auto& p : from) a.push_back(p.position);
    for (const auto& p : to) b.push_back(p.position);
    const auto distances = geo::distance_matrix_m(a, b);
    layers::Layer out;
    out.name = "matrix";
    out.kind = layers::GeometryKind::None;  // a table
    // Pair (i, j) is row i * to.size() + j: each side's ids and names gathered by index.
    std::vector<std::size_t> from_row, to_row;
    for (std::size_t i = 0; i < from.size(); ++i)
        for (std::size_t j = 0; j < to.size(); ++j) {
            from_row.push_back(i);
            to_row.push_back(j);
        }
    const auto names = [](const std::vector<layers::QueryPlace>& places) {
        layers::Column column(layers::FieldType::String);
        for (const auto& place : places) column.push(std::string_view(place.name));
        return column;
    };
    const auto from_ids = layers::id_column(from), to_ids = layers::id_column(to);
    out.fields = {{"from_id", from_ids.type()}, {"from_name", layers::FieldType::String},
                  {"to_id", to_ids.type()}, {"to_name", layers::FieldType::String},
                  {"distance_m", layers::FieldType::Real}};
    out.columns = {from_ids.gather(from_row), names(from).gather(from_row), to_ids.gather(to_row),
                   names(to).gather(to_row), layers::Column(depmap::UnfilledVector<double>(distances.begin(), distances.end()))};
    return out;
}

// The bytes of the pairs' table: per pair its distance, the two indices that gather the
// columns (grown by doubling), the ids and names gathered, and what printing it holds at
// once: every cell as a string for a table, a JSON object for -f json or geojson.
double estimated_bytes(const std::vector<layers::QueryPlace>& from, const std::vector<layers::QueryPlace>& to,
                       const OutputOptions& output) {
    const auto text_bytes = [](const std::vector<layers::QueryPlace>& places) {
        double bytes = 0;
        for (const auto& place : places) bytes += static_cast<double>(place.id.size() + place.name.size());
        return places.empty() ? 0.0 : bytes / static_cast<double>(places.size()) + 34;
    };
    double per_pair = 8 + 32 + 9 + text_bytes(from) + text_bytes(to);
    if (output.path.empty() && output.format == OutputFormat::Table) per_pair += 5 * 32 + 40 + per_pair;
    if (output.path.empty() && (output.format == OutputFormat::Json || output.format == OutputFormat::GeoJson))
        per_pair += 800;
    return per_pair * static_cast<double>(from.size()) * static_cast<double>(to.size());
}

} // namespace

CLI::App* MatrixCommand::setup(CLI::App& app) {
    auto* command = app.add_subcommand("matrix", "Distances between the selected features, to other places, or to the nearest of another layer");
    command->add_option("--to", m_to, "A file of places, or one or more places (names, ids, lon,lat)");
    command->add_option("--nearest-of", m_nearest_of, "A layer: each feature's nearest feature of it, with the distance");
    m_input.add_to(*command);
    m_output.add_to(*command);
    return command;
}

void MatrixCommand::run(const GlobalOptions& global, std::ostream& out, std::ostream& err) {
    if (!m_to.empty() && !m_nearest_of.empty()) throw ArgumentError("give --to or --nearest-of, not both");
    const auto input = m_input.load(global, err);
    const auto& layer = input.selected();
    if (!layer.is_points()) throw InputError(layer.source + ": matrix needs a point layer");
    const auto from = layers::query_places(layer);

    if (!m_nearest_of.empty()) {
        const auto other = layers::read_layer(m_nearest_of);
        if (!other.is_points()) throw InputError(m_nearest_of + ": --nearest-of needs a point layer");
        return m_output.emit(layers::nearest_of(layer, other), global, out, err);
    }
    std::vector<layers::QueryPlace> to;
    if (m_to.empty()) {
        to = from;
    } else if (m_to.size() == 1 && std::filesystem::exists(m_to.front())) {
        to = layers::query_places(layers::read_layer(m_to.front()));
    } else {
        for (const auto& text : m_to) {
            const auto place = resolve_place(text, input.all, global, err);
            to.push_back({text, place.label, place.position});
        }
    }
    depmap::require_memory(estimated_bytes(from, to, m_output),
                        fmt::format("a matrix of {} x {} pairs", from.size(), to.size()),
                        "select fewer features (--where, --commodity) or fewer places (--to), or use --nearest-of");
    m_output.emit(pairs_table(from, to), global, out, err);
}

} // namespace depmap::cli
