#include "layers/read/position_check.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using depmap::geo::LonLat;
using depmap::layers::check_position;
using Catch::Matchers::Contains;

TEST_CASE("position check: the valid ranges, edges included", "[layers]") {
    for (const LonLat p : {LonLat{-180, -90}, LonLat{359.999999, 90}, LonLat{0, 0}, LonLat{109.97, 41.8}})
        CHECK_FALSE(check_position(p));
}

TEST_CASE("position check: out of range, with the reason and a hint", "[layers]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<std::tuple<LonLat, std::string, std::string>> cases{
        {{109.9, 90.0000001}, "latitude out of range", "latitude 90.0000001 is outside [-90, 90]"},
        {{360, 41}, "longitude out of range", "longitude 360 is outside [-180, 360)"},
        {{-180.5, 41}, "longitude out of range", "outside [-180, 360)"},
        {{41.8, 109.9}, "latitude out of range", "the values look swapped"},
        {{414798.871, 4627986.587}, "latitude out of range", "look like projected coordinates"},
        {{nan, 41}, "coordinate not finite", "not a finite number"},
        {{109, inf}, "coordinate not finite", "not a finite number"},
    };
    for (const auto& [position, reason, detail] : cases) {
        INFO(position.lon_deg << ", " << position.lat_deg);
        const auto problem = check_position(position);
        REQUIRE(problem);
        CHECK(problem->reason == reason);
        CHECK_THAT(problem->detail, Contains(detail));
    }
    // A latitude of 95 with a longitude of 109 is out of range, but not swapped.
    CHECK_THAT(check_position({109, 95})->detail, !Contains("swapped"));
}
