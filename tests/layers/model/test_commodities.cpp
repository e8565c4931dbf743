// The commodity vocabulary: which words are commodities, and the nearest one to a typo.
#include "layers/model/commodities.hpp"
#include "layers/query/attribute_filter.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace depmap;
using Catch::Matchers::Contains;

TEST_CASE("commodities: symbols and names of the vocabulary are known, other words are not", "[layers][commodities]") {
    for (const char* known : {"Uranium", "U", "th", "Fluorite", "fluorspar", "REE", "Rare Earth Elements", "Coal", "Kaolin"})
        CHECK(layers::is_known_commodity(known));
    for (const char* word : {"Cooper", "Baotou", "", "Unobtainium", "ore"}) CHECK_FALSE(layers::is_known_commodity(word));
}

TEST_CASE("commodities: a typo gets the nearest commodity within two edits, else none", "[layers][commodities]") {
    CHECK(layers::nearest_commodity("Cooper") == "Copper");
    CHECK(layers::nearest_commodity("urainum") == "Uranium");  // two letters swapped twice
    CHECK(layers::nearest_commodity("Graphit") == "Graphite");
    CHECK(layers::nearest_commodity("Baotou") == std::nullopt);
    CHECK(layers::nearest_commodity("xy") == std::nullopt);  // not shorter than its edits
    // A layer's own names come first, as it spells them.
    CHECK(layers::nearest_commodity("Jadeit", {"Jadeite"}) == "Jadeite");
}

TEST_CASE("commodities: a known commodity nobody lists selects nothing; a typo is an error", "[layers][commodities]") {
    const auto layer = layers::read_layer(test::fixture("sample.csv"));
    CHECK(layers::rows_with_commodity(layer, "U").empty());
    CHECK(layers::rows_with_commodity(layer, "Uranium").empty());
    CHECK_THROWS_WITH(layers::rows_with_commodity(layer, "Cooper"),
                      Contains("`commodity` 'Cooper': not a commodity; did you mean Copper?"));
    CHECK_THROWS_WITH(layers::rows_with_commodity(layer, "Baotou"),
                      Contains("'Baotou': not a commodity depmap knows, and no feature of"));
}
