#include "geo/distance_matrix.hpp"

#include "geo/geodesic.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using depmap::geo::distance_matrix_m;
using depmap::geo::geodesic_distance_m;
using depmap::geo::LonLat;

namespace {

std::vector<LonLat> random_points(std::mt19937_64& random, std::size_t count) {
    std::uniform_real_distribution<double> lon(-180.0, 180.0);
    std::uniform_real_distribution<double> sin_lat(-1.0, 1.0);
    std::vector<LonLat> points;
    for (std::size_t i = 0; i < count; ++i)
        points.push_back({lon(random), std::asin(sin_lat(random)) * 180.0 / std::numbers::pi});
    return points;
}

} // namespace

TEST_CASE("matrix: every element is the geodesic distance, whatever the thread count",
          "[geo][parallel]") {
    std::mt19937_64 random(37 * 53);
    auto from = random_points(random, 37);
    auto to = random_points(random, 53);
    // Include a shared point so some elements are exactly zero.
    to[11] = from[5];

    for (const unsigned threads : {1u, 2u, 5u, 0u}) {
        INFO("threads " << threads);
        const auto matrix = distance_matrix_m(from, to, threads);
        REQUIRE(matrix.size() == from.size() * to.size());
        std::size_t mismatches = 0;
        for (std::size_t i = 0; i < from.size(); ++i)
            for (std::size_t j = 0; j < to.size(); ++j)
                // Same function, same inputs: bit-identical, not merely close.
                if (matrix[i * to.size() + j] != geodesic_distance_m(from[i], to[j])) ++mismatches;
        CHECK(mismatches == 0);
        CHECK(matrix[5 * to.size() + 11] == 0.0);
    }
}

TEST_CASE("matrix: more threads than rows, and a single row or column", "[geo][parallel]") {
    std::mt19937_64 random(3);
    const auto from = random_points(random, 3);
    const auto to = random_points(random, 1);
    const auto matrix = distance_matrix_m(from, to, 64);
    REQUIRE(matrix.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(matrix[i] == geodesic_distance_m(from[i], to[0]));

    const auto row = distance_matrix_m(to, from, 4);
    REQUIRE(row.size() == 3);
    for (std::size_t j = 0; j < 3; ++j) CHECK(row[j] == geodesic_distance_m(to[0], from[j]));
}

TEST_CASE("matrix: empty inputs give an empty matrix", "[geo]") {
    const std::vector<LonLat> none;
    const std::vector<LonLat> some{{0.0, 0.0}, {10.0, 10.0}};
    for (const unsigned threads : {1u, 0u, 3u}) {
        CHECK(distance_matrix_m(none, none, threads).empty());
        CHECK(distance_matrix_m(none, some, threads).empty());
        CHECK(distance_matrix_m(some, none, threads).empty());
    }
}
