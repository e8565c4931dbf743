#include "layers/query/proximity.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using depmap::geo::LonLat;
using depmap::geo::PointIndex;
using depmap::layers::Column;
using depmap::layers::FieldType;
using depmap::layers::Layer;
using depmap::layers::Place;

namespace {

// PROJ itself, not the library's wrappers: the reference for distances and azimuths.
geod_geodesic wgs84() {
    geod_geodesic g{};
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    return g;
}

struct Expected {
    std::size_t row;
    double distance_m;
    double azimuth_deg;
};

// Every row within radius_m of `place`, nearest first, ties by row: by brute force.
// Rows more than radius_m / 60 km degrees away in latitude or longitude are skipped
// unmeasured: a degree is longer than that anywhere below 55° N.
std::vector<Expected> brute_force(const Layer& layer, LonLat place, double radius_m) {
    const auto g = wgs84();
    const double reach_deg = radius_m / 60000.0;
    std::vector<Expected> found;
    for (std::size_t row = 0; row < layer.size(); ++row) {
        const auto p = layer.points[row];
        if (std::abs(p.lat_deg - place.lat_deg) > reach_deg || std::abs(p.lon_deg - place.lon_deg) > reach_deg) continue;
        double s = 0, azi1 = 0, azi2 = 0;
        geod_inverse(&g, place.lat_deg, place.lon_deg, p.lat_deg, p.lon_deg, &s, &azi1, &azi2);
        if (s <= radius_m) found.push_back({row, s, azi1 <= -180.0 ? azi1 + 360.0 : azi1});
    }
    std::sort(found.begin(), found.end(), [](const Expected& a, const Expected& b) {
        return a.distance_m < b.distance_m || (a.distance_m == b.distance_m && a.row < b.row);
    });
    return found;
}

// 120,000 deposits with an id and a Chinese name around Baotou; a few share a position.
Layer deposits() {
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> lon(107.0, 113.0), lat(39.0, 45.0);
    Layer layer;
    layer.name = "deposits";
    layer.kind = depmap::layers::GeometryKind::Point;
    layer.fields = {{"id", FieldType::Integer}, {"name", FieldType::String}};
    layer.columns = {Column(FieldType::Integer), Column(FieldType::String)};
    for (std::size_t row = 0; row < 120000; ++row) {
        layer.points.push_back(row % 1000 == 1 ? layer.points[row - 1] : LonLat{lon(random), lat(random)});
        layer.columns[0].push(static_cast<std::int64_t>(row * 2 + 5));
        layer.columns[1].push(std::string_view(fmt::format("矿点 {}", row)));
    }
    return layer;
}

std::vector<Place> places_in(const Layer& layer, std::size_t count) {
    std::vector<Place> places;
    for (std::size_t q = 0; q < count; ++q) {
        // Every third place is a deposit itself: distance 0 and a duplicate at 0 too.
        const LonLat position = q % 3 == 0 ? layer.points[q * 1000]
                                           : LonLat{107.5 + 0.083 * static_cast<double>(q), 39.5 + 0.081 * static_cast<double>(q)};
        places.push_back({fmt::format("地点 {}", q), position, fmt::format("Q{}", q)});
    }
    return places;
}

} // namespace

TEST_CASE("near for many places returns, per place in order, every feature within the radius as brute force does", "[proximity][parallel]") {
    const Layer layer = deposits();
    const PointIndex index(layer.points);
    const auto places = places_in(layer, 60);
    depmap::layers::NearOptions options;
    options.radius_m = 45000.0;
    options.label_queries = true;
    const Layer result = depmap::layers::near(layer, index, places, options);

    const auto field = [&](const char* name) { return *result.field_index(name); };
    REQUIRE(result.fields.size() == 7);
    std::size_t row = 0, mismatches = 0;
    for (const auto& place : places) {
        const auto expected = brute_force(layer, place.position, options.radius_m);
        for (std::size_t rank = 1; rank <= expected.size(); ++rank, ++row) {
            REQUIRE(row < result.size());
            const auto& e = expected[rank - 1];
            mismatches += result.columns[field("query_id")].text(row) != place.id ||
                          result.columns[field("query_name")].text(row) != place.name ||
                          result.columns[field("rank")].integer(row) != static_cast<std::int64_t>(rank) ||
                          result.columns[field("id")].integer(row) != static_cast<std::int64_t>(e.row * 2 + 5) ||
                          result.columns[field("name")].text(row) != fmt::format("矿点 {}", e.row) ||
                          result.points[row] != layer.points[e.row] ||
                          result.columns[field("distance_m")].real(row) != e.distance_m ||
                          std::abs(result.columns[field("azimuth_deg")].real(row) - e.azimuth_deg) > 1e-9;
        }
    }
    CHECK(mismatches == 0);
    // Enough matches that the result's columns are built in parts on two cores.
    CHECK(row > 100000);
    CHECK(result.size() == row);
}

TEST_CASE("near with a limit and nearest keep each place's first answers only", "[proximity]") {
    const Layer layer = deposits();
    const PointIndex index(layer.points);
    const auto places = places_in(layer, 12);
    depmap::layers::NearOptions near_options;
    near_options.radius_m = 20000.0;
    near_options.limit = 4;
    const Layer limited = depmap::layers::near(layer, index, places, near_options);
    depmap::layers::NearestOptions nearest_options;
    nearest_options.k = 3;
    const Layer nearest = depmap::layers::nearest(layer, index, places, nearest_options);

    CHECK_FALSE(limited.field_index("query_id"));  // one place's questions need no label
    std::size_t near_row = 0, nearest_row = 0;
    for (const auto& place : places) {
        const auto all = brute_force(layer, place.position, 1e9);
        for (std::size_t i = 0; i < 4 && all[i].distance_m <= 20000.0; ++i, ++near_row) {
            REQUIRE(near_row < limited.size());
            CHECK(limited.points[near_row] == layer.points[all[i].row]);
            CHECK(limited.columns[*limited.field_index("rank")].integer(near_row) == static_cast<std::int64_t>(i + 1));
        }
        for (std::size_t i = 0; i < 3; ++i, ++nearest_row) {
            REQUIRE(nearest_row < nearest.size());
            CHECK(nearest.columns[*nearest.field_index("id")].integer(nearest_row) ==
                  static_cast<std::int64_t>(all[i].row * 2 + 5));
            CHECK(nearest.columns[*nearest.field_index("distance_m")].real(nearest_row) == all[i].distance_m);
        }
    }
    CHECK(limited.size() == near_row);
    CHECK(nearest.size() == nearest_row);
}

TEST_CASE("query ids keep the type of the places' own ids", "[proximity]") {
    // Places with an Integer id (one null), with a text id, and with no id at all.
    Layer places;
    places.kind = depmap::layers::GeometryKind::Point;
    places.fields = {{"id", FieldType::Integer}, {"name", FieldType::String}};
    places.columns = {Column(FieldType::Integer), Column(FieldType::String)};
    const std::vector<LonLat> at{{109.84, 40.65}, {111.66, 40.82}, {122.27, 43.62}};
    for (std::size_t i = 0; i < at.size(); ++i) {
        if (i == 1) places.columns[0].push_null();
        else places.columns[0].push(static_cast<std::int64_t>(100 + i));
        places.columns[1].push(std::string_view(i == 0 ? "包头" : "place"));
        places.points.push_back(at[i]);
    }
    const Layer layer = deposits();
    const PointIndex index(layer.points);

    const auto numbered = depmap::layers::places_of(places);
    const auto counts = depmap::layers::near_counts(index, numbered, 50000.0);
    REQUIRE(counts.fields[0].name == "query_id");
    CHECK(counts.fields[0].type == FieldType::Integer);
    CHECK(counts.columns[0].integer(0) == 100);
    CHECK(counts.columns[0].is_null(1));
    CHECK(counts.columns[0].integer(2) == 102);

    depmap::layers::NearestOptions options;
    options.k = 2;
    options.label_queries = true;
    const auto nearest = depmap::layers::nearest(layer, index, numbered, options);
    const auto query_id = *nearest.field_index("query_id");
    CHECK(nearest.fields[query_id].type == FieldType::Integer);
    REQUIRE(nearest.size() == 6);
    CHECK(nearest.columns[query_id].integer(0) == 100);
    CHECK(nearest.columns[query_id].is_null(2));
    CHECK(nearest.columns[query_id].integer(5) == 102);

    // No id field: the row numbers, as numbers.
    Layer unnamed = places;
    unnamed.fields.erase(unnamed.fields.begin());
    unnamed.columns.erase(unnamed.columns.begin());
    const auto by_row = depmap::layers::id_column(depmap::layers::places_of(unnamed));
    REQUIRE(by_row.type() == FieldType::Integer);
    CHECK(by_row.integer(0) == 1);
    CHECK(by_row.integer(2) == 3);

    // Text ids stay text, digits or not.
    const std::vector<Place> coded{{"", at[0], "007"}, {"", at[1], "IM-1"}};
    const auto text_ids = depmap::layers::id_column(coded);
    REQUIRE(text_ids.type() == FieldType::String);
    CHECK(text_ids.text(0) == "007");
    const auto nearest_coded = depmap::layers::nearest(layer, index, coded, options);
    CHECK(nearest_coded.fields[*nearest_coded.field_index("query_id")].type == FieldType::String);
}
