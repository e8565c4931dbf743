#include "layers/query/proximity.hpp"

#include "base/error.hpp"
#include "base/parallel.hpp"
#include "base/parameter.hpp"
#include "geo/geodesic.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace depmap::layers {

namespace {

// Every place's answer, in place order, each cut to the limit; place q's results are
// rows first[q] to first[q + 1] of the result layer.
struct Answers {
    std::vector<std::vector<geo::Neighbour>> of_place;
    std::vector<std::size_t> first;

    std::size_t total() const { return first.back(); }
};

// Runs `query` for every place over all cores (index queries are const and
// thread-safe). Places in dense areas have many more matches than others, so each
// thread takes the next place not yet asked rather than a fixed half.
template <typename Query>
Answers for_each_place(std::span<const Place> places, std::size_t limit, Query query) {
    Answers answers;
    answers.of_place.resize(places.size());
    depmap::for_each_task(places.size(), depmap::threads_for(places.size(), 32), [&](std::size_t q) {
        auto answer = query(places[q].position);
        if (limit != 0 && answer.size() > limit) answer.resize(limit);
        answers.of_place[q] = std::move(answer);
    });
    answers.first.assign(places.size() + 1, 0);
    for (std::size_t q = 0; q < places.size(); ++q)
        answers.first[q + 1] = answers.first[q] + answers.of_place[q].size();
    return answers;
}

// The result layer: matched rows, then the computed fields. Each place fills its own
// slice of the computed columns, on all cores for millions of matches.
Layer result_layer(const Layer& layer, std::span<const Place> places, const Answers& answers,
                   bool label_queries) {
    const std::size_t total = answers.total();
    // Left unwritten until each place fills its slice, on all cores.
    depmap::UnfilledVector<std::size_t> rows(total);
    depmap::UnfilledVector<std::size_t> query_of(label_queries ? total : 0);
    depmap::UnfilledVector<double> distance(total);
    depmap::UnfilledVector<double> azimuth(total);
    depmap::UnfilledVector<std::int64_t> rank(total);
    depmap::for_each_task(places.size(), depmap::threads_for(total, 50000), [&](std::size_t q) {
        const auto& answer = answers.of_place[q];
        for (std::size_t i = 0, row = answers.first[q]; i < answer.size(); ++i, ++row) {
            rows[row] = answer[i].index;
            if (label_queries) query_of[row] = q;
            distance[row] = answer[i].distance_m;
            azimuth[row] = answer[i].azimuth_deg;
            rank[row] = static_cast<std::int64_t>(i + 1);
        }
    });

    Layer out = layer.subset(rows);
    if (label_queries) {
        const Column ids = id_column(places);
        Column names(FieldType::String);
        for (const auto& place : places) names.push(std::string_view(place.name));
        out.add_field({"query_id", ids.type()}, ids.gather(query_of));
        out.add_field({"query_name", FieldType::String}, names.gather(query_of));
    }
    out.add_field({"distance_m", FieldType::Real}, Column(std::move(distance)));
    out.add_field({"azimuth_deg", FieldType::Real}, Column(std::move(azimuth)));
    out.add_field({"rank", FieldType::Integer}, Column(std::move(rank)));
    return out;
}

} // namespace

Column id_column(std::span<const Place> places) {
    const bool numbers = std::all_of(places.begin(), places.end(), [](const Place& place) {
        return place.id_number || place.id.empty();
    });
    Column ids(numbers ? FieldType::Integer : FieldType::String);
    for (const auto& place : places) {
        if (!numbers) ids.push(std::string_view(place.id));
        else if (place.id_number) ids.push(*place.id_number);
        else ids.push_null();
    }
    return ids;
}

void check_points_layer(const Layer& layer) {
    if (layer.is_points()) return;
    throw InputError(fmt::format("{}: holds {} features, and near and nearest measure to points only; give a "
                                 "layer of points with {}, or points of it (a centroid per feature) in a file of "
                                 "their own",
                                 layer.source, layer.geometry_type.empty() ? to_string(layer.kind) : layer.geometry_type,
                                 parameter("layer")));
}

Layer near(const Layer& layer, const geo::PointIndex& index, std::span<const Place> places,
           const NearOptions& options) {
    check_points_layer(layer);
    const auto answers = for_each_place(places, options.limit, [&](geo::LonLat position) {
        return index.within(position, options.radius_m);
    });
    return result_layer(layer, places, answers, options.label_queries);
}

Layer near_counts(const geo::PointIndex& index, std::span<const Place> places, double radius_m) {
    Layer out;
    out.name = "counts";
    out.kind = GeometryKind::Point;  // the places counted around
    Column ids = id_column(places);
    out.fields = {{"query_id", ids.type()}, {"query_name", FieldType::String}, {"count", FieldType::Integer}};
    out.columns = {std::move(ids), Column(FieldType::String), Column(FieldType::Integer)};
    for (const auto& place : places) {
        out.columns[1].push(std::string_view(place.name));
        out.columns[2].push(static_cast<std::int64_t>(index.count_within(place.position, radius_m)));
        out.points.push_back(place.position);
    }
    out.debug_check();
    return out;
}

Layer nearest(const Layer& layer, const geo::PointIndex& index, std::span<const Place> places,
              const NearestOptions& options) {
    check_points_layer(layer);
    const auto answers = for_each_place(places, 0, [&](geo::LonLat position) {
        return index.nearest(position, options.k, options.max_distance_m);
    });
    return result_layer(layer, places, answers, options.label_queries);
}

Layer nearest_of(const Layer& layer, const Layer& other) {
    const geo::PointIndex index(other.points);
    const auto targets = places_of(other);
    const auto sources = places_of(layer);
    const auto answers = for_each_place(sources, 1, [&](geo::LonLat position) {
        return index.nearest(position, 1);
    });
    std::vector<std::size_t> rows(layer.size());
    for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
    Layer out = layer.subset(rows);
    const Column target_ids = id_column(targets);
    Column id(target_ids.type()), name(FieldType::String), distance(FieldType::Real), azimuth(FieldType::Real);
    for (const auto& answer : answers.of_place) {
        if (!answer.empty()) {
            const auto& n = answer.front();
            if (target_ids.is_null(n.index)) id.push_null();
            else if (target_ids.type() == FieldType::Integer) id.push(target_ids.integer(n.index));
            else id.push(target_ids.text(n.index));
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
    out.add_field({"nearest_id", id.type()}, std::move(id));
    out.add_field({"nearest_name", FieldType::String}, std::move(name));
    out.add_field({"distance_m", FieldType::Real}, std::move(distance));
    out.add_field({"azimuth_deg", FieldType::Real}, std::move(azimuth));
    return out;
}

void azimuths_as_bearings(Layer& answer) {
    const auto f = answer.field_index("azimuth_deg");
    if (!f || answer.fields[*f].name != "azimuth_deg") return;
    Column bearings(FieldType::Real);
    bearings.reserve(answer.size());
    const Column& azimuths = answer.columns[*f];
    for (std::size_t row = 0; row < answer.size(); ++row) {
        if (azimuths.is_null(row)) bearings.push_null();
        else bearings.push(geo::bearing_deg(azimuths.real(row)));
    }
    answer.fields[*f].name = "bearing_deg";
    answer.columns[*f] = std::move(bearings);
}

} // namespace depmap::layers
