#include "geo/geodesic.hpp"
#include "layers/query/distance_pairs.hpp"

#include <catch2/catch.hpp>

using namespace depmap;

TEST_CASE("distance pairs: one row per pair, from-major, exact geodesic metres", "[layers][matrix]") {
    const std::vector<layers::Place> from{{"a", {110, 40}, "1", 1}, {"b", {111, 41}, "2", 2}};
    const std::vector<layers::Place> to{{"X", {112, 42}, "x"}, {"Y", {110, 40}, "y"}, {"Z", {100, 30}, "z"}};
    const auto pairs = layers::distance_pairs(from, to);
    REQUIRE(pairs.size() == 6);
    const auto text = [&](const char* field, std::size_t row) {
        return pairs.columns[*pairs.field_index(field)].to_text(row);
    };
    CHECK(text("from_name", 4) == "b");  // row i * 3 + j
    CHECK(text("to_id", 4) == "y");
    CHECK(pairs.columns[*pairs.field_index("from_id")].type() == layers::FieldType::Integer);
    CHECK(pairs.columns[*pairs.field_index("to_id")].type() == layers::FieldType::String);
    CHECK(pairs.columns[*pairs.field_index("distance_m")].real(1) == 0.0);
    CHECK(pairs.columns[*pairs.field_index("distance_m")].real(4) ==
          Approx(geo::geodesic_distance_m({111, 41}, {110, 40})).epsilon(1e-12));
}

TEST_CASE("distance pairs: printing as a table takes more memory than a file", "[layers][matrix]") {
    const std::vector<layers::Place> places{{"a", {110, 40}, "1"}, {"b", {111, 41}, "2"}};
    const double file = layers::distance_pairs_bytes(places, places, layers::PairsPrinting::File);
    CHECK(file > 0);
    CHECK(layers::distance_pairs_bytes(places, places, layers::PairsPrinting::Table) > file);
    CHECK(layers::distance_pairs_bytes(places, places, layers::PairsPrinting::Json) > file);
}
