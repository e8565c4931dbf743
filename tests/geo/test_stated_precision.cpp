#include "geo/stated_precision.hpp"

#include <catch2/catch.hpp>

using namespace depmap;

TEST_CASE("stated precision: decimals, arc-minutes and arc-seconds as the digits tell", "[geo][precision]") {
    const auto text = [](double degrees) { return geo::stated_precision_text(geo::stated_precision_rank(degrees)); };
    CHECK(text(39) == "1°");
    CHECK(text(41.5) == "0.1°");
    CHECK(text(41.75) == "0.01°");             // 41°45' too, but 2 decimals match arc-minutes by chance
    CHECK(text(41.22) == "0.01°");
    CHECK(text(110.9500) == "0.01°");          // trailing zeros say nothing: 110.950000 is 110.95
    CHECK(text(109.9667) == "1′");             // 109°58' to 4 decimals
    CHECK(text(109.96666666667) == "1′");
    CHECK(text(113.4333333333329961) == "1′"); // a binary artefact of 113°26'
    CHECK(text(109.974444444444) == "1″");    // 109°58'28"
    CHECK(text(106.892778) == "1″");          // 106°53'34" to 6 decimals
    CHECK(text(109.7833) == "1′");
    CHECK(text(109.9744) == "0.0001°");
    CHECK(text(109.99944) == "0.00001°");
    CHECK(text(109.985565) == "0.000001°");
    // A point is as precise as its coarser coordinate.
    CHECK(geo::stated_precision_rank(109.333888888889, 41.22) == geo::stated_precision_rank(41.22));
    CHECK(geo::stated_precision_rank(109.985565) > geo::stated_precision_rank(109.974444444444));
    CHECK(geo::stated_precision_rank(109.974444444444) > geo::stated_precision_rank(109.9667));
}
