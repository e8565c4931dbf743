#include "layers/query/layer_summary.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace depmap;

TEST_CASE("layer summary: count, extent, fields, commodities most listed first", "[layers][summary]") {
    depmap::test::ScratchDir dir;
    const auto layer = layers::read_layer(dir.write("sites.csv",
        "id,name,commodities,lon,lat\n"
        "1,a,Fe;Cu,110,40\n"
        "2,b,Cu,111,41\n"
        "3,c,,112,42\n"
        "4,d,Au,112.5,40.5\n"));
    const auto summary = layers::summarise_layer(layer);
    CHECK(summary.count == 4);
    CHECK(summary.extent.min_lon_deg == 110);
    CHECK(summary.extent.max_lat_deg == 42);
    CHECK(summary.fields.size() == 3);
    REQUIRE(summary.commodities);
    CHECK(summary.commodities->field == "commodities");
    REQUIRE(summary.commodities->commodities.size() == 3);
    CHECK(summary.commodities->commodities[0].name == "Cu");  // two sites
    CHECK(summary.commodities->commodities[0].sites == 2);
    CHECK(summary.commodities->commodities[1].name == "Au");  // one each, by name
    CHECK(summary.commodities->commodities[2].name == "Fe");
    CHECK(summary.commodities->without == 1);
}

TEST_CASE("layer summary: no commodity field, no commodities", "[layers][summary]") {
    depmap::test::ScratchDir dir;
    const auto layer = layers::read_layer(dir.write("plain.csv", "id,lon,lat\n1,110,40\n"));
    CHECK_FALSE(layers::summarise_layer(layer).commodities);
}
