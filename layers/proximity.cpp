#include "layers/proximity.hpp"

#include "geo/parallel.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace depmap::layers {

namespace {

struct Match {
    std::size_t query = 0;
    std::size_t rank = 0;
    geo::Neighbour neighbour;
};

// Runs `query` for every place over all cores (index queries are const and
// thread-safe), keeping the answers in place order.
template <typename Query>
std::vector<Match> for_each_place(std::span<const QueryPlace> places, std::size_t limit, Query query) {
    std::vector<std::vector<geo::Neighbour>> answers(places.size());
    geo::for_each_range(places.size(), geo::threads_for(places.size(), 32), [&](std::size_t begin, std::size_t end) {
        for (std::size_t q = begin; q < end; ++q) answers[q] = query(places[q].position);
    });

    std::size_t total = 0;
    for (const auto& answer : answers) total += limit == 0 ? answer.size() : std::min(limit, answer.size());
    std::vector<Match> matches;
    matches.reserve(total);  // millions of matches for a large --from: no regrowth
    for (std::size_t q = 0; q < answers.size(); ++q) {
        const std::size_t n = limit == 0 ? answers[q].size() : std::min(limit, answers[q].size());
        for (std::size_t i = 0; i < n; ++i) matches.push_back({q, i + 1, answers[q][i]});
    }
    return matches;
}

// The result layer: matched rows, then the computed fields, each column built on its
// own (on all cores for millions of matches).
Layer result_layer(const Layer& layer, std::span<const QueryPlace> places,
                   const std::vector<Match>& matches, bool label_queries) {
    std::vector<std::size_t> rows;
    rows.reserve(matches.size());
    for (const auto& m : matches) rows.push_back(m.neighbour.index);
    Layer out = layer.subset(rows);

    enum class Kind { QueryId, QueryName, Distance, Azimuth, Rank };
    std::vector<std::pair<Field, Kind>> computed;
    if (label_queries) {
        computed.emplace_back(Field{"query_id", FieldType::String}, Kind::QueryId);
        computed.emplace_back(Field{"query_name", FieldType::String}, Kind::QueryName);
    }
    computed.emplace_back(Field{"distance_m", FieldType::Real}, Kind::Distance);
    computed.emplace_back(Field{"azimuth_deg", FieldType::Real}, Kind::Azimuth);
    computed.emplace_back(Field{"rank", FieldType::Integer}, Kind::Rank);
    std::vector<Column> columns;
    for (const auto& [field, kind] : computed) columns.emplace_back(field.type);
    geo::for_each_task(computed.size(), geo::threads_for(matches.size(), 50000), [&](std::size_t task) {
        const Kind kind = computed[task].second;
        auto& column = columns[task];
        if (kind == Kind::QueryId || kind == Kind::QueryName) {
            const auto text = [&](const Match& m) -> const std::string& {
                return kind == Kind::QueryId ? places[m.query].id : places[m.query].name;
            };
            std::size_t bytes = 0;
            for (const auto& m : matches) bytes += text(m).size();
            column.reserve(matches.size(), bytes);
            for (const auto& m : matches) column.push(std::string_view(text(m)));
            return;
        }
        column.reserve(matches.size());
        for (const auto& m : matches) {
            if (kind == Kind::Distance) column.push(m.neighbour.distance_m);
            else if (kind == Kind::Azimuth) column.push(m.neighbour.azimuth_deg);
            else column.push(static_cast<std::int64_t>(m.rank));
        }
    });
    for (std::size_t c = 0; c < computed.size(); ++c) out.add_field(computed[c].first, std::move(columns[c]));
    return out;
}

} // namespace

std::vector<QueryPlace> query_places(const Layer& layer) {
    const auto id = layer.field_index("id");
    const auto name = layer.field_index("name");
    std::vector<QueryPlace> places;
    for (std::size_t row = 0; row < layer.points.size(); ++row)
        places.push_back({id ? layer.columns[*id].to_text(row) : std::to_string(row + 1),
                          name ? layer.columns[*name].to_text(row) : std::string(),
                          layer.points[row]});
    return places;
}

Layer near(const Layer& layer, const geo::PointIndex& index, std::span<const QueryPlace> places,
           const NearOptions& options) {
    const auto matches = for_each_place(places, options.limit, [&](geo::LonLat position) {
        return index.within(position, options.radius_m);
    });
    return result_layer(layer, places, matches, options.label_queries);
}

Layer near_counts(const geo::PointIndex& index, std::span<const QueryPlace> places, double radius_m) {
    Layer out;
    out.name = "counts";
    out.fields = {{"query_id", FieldType::String}, {"query_name", FieldType::String},
                  {"count", FieldType::Integer}};
    out.columns = {Column(FieldType::String), Column(FieldType::String), Column(FieldType::Integer)};
    for (const auto& place : places) {
        out.columns[0].push(std::string_view(place.id));
        out.columns[1].push(std::string_view(place.name));
        out.columns[2].push(static_cast<std::int64_t>(index.count_within(place.position, radius_m)));
        out.points.push_back(place.position);
    }
    out.geometry_type = "Point";
    return out;
}

Layer nearest(const Layer& layer, const geo::PointIndex& index, std::span<const QueryPlace> places,
              const NearestOptions& options) {
    const auto matches = for_each_place(places, 0, [&](geo::LonLat position) {
        return index.nearest(position, options.k, options.max_distance_m);
    });
    return result_layer(layer, places, matches, options.label_queries);
}

Layer nearest_of(const Layer& layer, const Layer& other) {
    const geo::PointIndex index(other.points);
    const auto targets = query_places(other);
    const auto sources = query_places(layer);
    const auto matches = for_each_place(sources, 1, [&](geo::LonLat position) {
        return index.nearest(position, 1);
    });
    std::vector<std::size_t> rows(layer.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    Layer out = layer.subset(rows);
    Column id(FieldType::String), name(FieldType::String), distance(FieldType::Real), azimuth(FieldType::Real);
    std::size_t next = 0;
    for (std::size_t row = 0; row < layer.size(); ++row) {
        if (next < matches.size() && matches[next].query == row) {
            const auto& n = matches[next++].neighbour;
            id.push(std::string_view(targets[n.index].id));
            name.push(std::string_view(targets[n.index].name));
            distance.push(n.distance_m);
            azimuth.push(n.azimuth_deg);
        } else {
            id.push_null();
            name.push_null();
            distance.push_null();
            azimuth.push_null();
        }
    }
    out.add_field({"nearest_id", FieldType::String}, std::move(id));
    out.add_field({"nearest_name", FieldType::String}, std::move(name));
    out.add_field({"distance_m", FieldType::Real}, std::move(distance));
    out.add_field({"azimuth_deg", FieldType::Real}, std::move(azimuth));
    return out;
}

} // namespace depmap::layers
