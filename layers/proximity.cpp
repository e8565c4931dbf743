#include "layers/proximity.hpp"

#include "geo/geodesic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

namespace depmap::layers {

namespace {

struct Match {
    std::size_t query = 0;
    std::size_t row = 0;
    double distance_m = 0.0;
    std::size_t rank = 0;
};

// The result layer: matched rows, then the computed fields. Azimuths are computed here,
// over both cores, since only matches need them.
Layer result_layer(const Layer& layer, std::span<const QueryPlace> places,
                   const std::vector<Match>& matches, bool label_queries) {
    std::vector<std::size_t> rows;
    rows.reserve(matches.size());
    for (const auto& m : matches) rows.push_back(m.row);
    Layer out = layer.subset(rows);

    std::vector<double> azimuths(matches.size());
    const auto work = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i)
            azimuths[i] = geo::geodesic_inverse(places[matches[i].query].position,
                                                layer.points[matches[i].row]).azimuth1_deg;
    };
    const std::size_t half = matches.size() / 2;
    if (matches.size() > 10000) {
        std::thread helper(work, half, matches.size());
        work(0, half);
        helper.join();
    } else {
        work(0, matches.size());
    }

    Column distance(FieldType::Real), azimuth(FieldType::Real), rank(FieldType::Integer);
    Column query_id(FieldType::String), query_name(FieldType::String);
    for (std::size_t i = 0; i < matches.size(); ++i) {
        distance.push(matches[i].distance_m);
        azimuth.push(azimuths[i]);
        rank.push(static_cast<std::int64_t>(matches[i].rank));
        if (label_queries) {
            query_id.push(std::string_view(places[matches[i].query].id));
            query_name.push(std::string_view(places[matches[i].query].name));
        }
    }
    if (label_queries) {
        out.add_field({"query_id", FieldType::String}, std::move(query_id));
        out.add_field({"query_name", FieldType::String}, std::move(query_name));
    }
    out.add_field({"distance_m", FieldType::Real}, std::move(distance));
    out.add_field({"azimuth_deg", FieldType::Real}, std::move(azimuth));
    out.add_field({"rank", FieldType::Integer}, std::move(rank));
    return out;
}

void append(std::vector<Match>& matches, std::size_t query, const std::vector<geo::Neighbour>& found,
            std::size_t limit) {
    const std::size_t n = limit == 0 ? found.size() : std::min(limit, found.size());
    for (std::size_t i = 0; i < n; ++i) matches.push_back({query, found[i].index, found[i].distance_m, i + 1});
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
    std::vector<Match> matches;
    for (std::size_t q = 0; q < places.size(); ++q)
        append(matches, q, index.within(places[q].position, options.radius_m), options.limit);
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
    std::vector<Match> matches;
    for (std::size_t q = 0; q < places.size(); ++q)
        append(matches, q, index.nearest(places[q].position, options.k, options.max_distance_m), 0);
    return result_layer(layer, places, matches, options.label_queries);
}

} // namespace depmap::layers
