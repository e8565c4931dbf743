#include "layers/query/distance_pairs.hpp"

#include "base/memory_budget.hpp"
#include "geo/distance_matrix.hpp"
#include "base/parameter.hpp"

#include <fmt/format.h>

namespace depmap::layers {

// Per pair: its distance, the two indices that gather the columns (grown by doubling),
// the ids and names gathered, and what printing holds at once: every cell as a string
// for a table, a JSON object for JSON.
double distance_pairs_bytes(std::span<const Place> from, std::span<const Place> to,
                            PairsPrinting printing) {
    const auto text_bytes = [](std::span<const Place> places) {
        double bytes = 0;
        for (const auto& place : places) bytes += static_cast<double>(place.id.size() + place.name.size());
        return places.empty() ? 0.0 : bytes / static_cast<double>(places.size()) + 34;
    };
    double per_pair = 8 + 32 + 9 + text_bytes(from) + text_bytes(to);
    if (printing == PairsPrinting::Table) per_pair += 5 * 32 + 40 + per_pair;
    if (printing == PairsPrinting::Json) per_pair += 800;
    return per_pair * static_cast<double>(from.size()) * static_cast<double>(to.size());
}

Layer distance_pairs(std::span<const Place> from, std::span<const Place> to, PairsPrinting printing) {
    depmap::require_memory(distance_pairs_bytes(from, to, printing),
                           fmt::format("a matrix of {} x {} pairs", from.size(), to.size()),
                           fmt::format("select fewer features ({}, {}) or fewer places ({}), or use {}", parameter("where"),
                                       parameter("commodity"), parameter("to"), parameter("nearest_of")));
    std::vector<geo::LonLat> a, b;
    for (const auto& p : from) a.push_back(p.position);
    for (const auto& p : to) b.push_back(p.position);
    const auto distances = geo::distance_matrix_m(a, b);
    Layer out;
    out.name = "matrix";
    out.kind = GeometryKind::None;  // a table
    // Each side's ids and names gathered by pair.
    std::vector<std::size_t> from_row, to_row;
    for (std::size_t i = 0; i < from.size(); ++i)
        for (std::size_t j = 0; j < to.size(); ++j) {
            from_row.push_back(i);
            to_row.push_back(j);
        }
    const auto names = [](std::span<const Place> places) {
        Column column(FieldType::String);
        for (const auto& place : places) column.push(std::string_view(place.name));
        return column;
    };
    const auto from_ids = id_column(from), to_ids = id_column(to);
    out.fields = {{"from_id", from_ids.type()}, {"from_name", FieldType::String},
                  {"to_id", to_ids.type()}, {"to_name", FieldType::String},
                  {"distance_m", FieldType::Real}};
    out.columns = {from_ids.gather(from_row), names(from).gather(from_row), to_ids.gather(to_row),
                   names(to).gather(to_row), Column(depmap::UnfilledVector<double>(distances.begin(), distances.end()))};
    return out;
}

} // namespace depmap::layers
