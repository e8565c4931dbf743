#include "base/error.hpp"
#include "layers/read/read.hpp"
#include "layers/query/regions.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

// Two unit squares sharing the edge lon = 1; the west one has a hole.
layers::Layer squares(const depmap::test::ScratchDir& dir) {
    return layers::read_layer(dir.write("squares.csv",
        "name,wkt\n"
        "west,\"POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0), (0.2 0.2, 0.4 0.2, 0.4 0.4, 0.2 0.4, 0.2 0.2))\"\n"
        "east,\"POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))\"\n"));
}

layers::Layer sites(const depmap::test::ScratchDir& dir) {
    return layers::read_layer(dir.write("sites.csv",
        "id,kind,tonnage,lon,lat\n"
        "a,Coal,10,0.5,0.5\n"      // west
        "b,Coal;Iron,5,0.3,0.3\n"  // in the hole: outside
        "c,Iron,,1,0.5\n"          // on the shared edge: west, once
        "d,Iron,2.5,1.5,0.5\n"     // east
        "e,Coal,1,5,5\n"           // outside
        "f,Iron,4,0.4,0.3\n"));    // on the hole's edge: west
}

std::string cell(const layers::Layer& layer, const char* field, std::size_t row) {
    return layer.columns[*layer.field_index(field)].to_text(row);
}

} // namespace

TEST_CASE("regions: each point in one region; holes and shared edges", "[layers][regions]") {
    depmap::test::ScratchDir dir;
    const auto assigned = layers::assign_regions(sites(dir), squares(dir));
    const std::vector<std::string> expected{"west", "", "west", "east", "", "west"};
    for (std::size_t row = 0; row < expected.size(); ++row) {
        INFO("row " << row);
        CHECK(cell(assigned, "region", row) == expected[row]);
    }
}

TEST_CASE("regions: summaries add up, with a row for the features outside", "[layers][regions]") {
    depmap::test::ScratchDir dir;
    layers::RegionsOptions options;
    options.sum_fields = {"tonnage"};
    const auto summary = layers::summarise_regions(sites(dir), squares(dir), options);
    REQUIRE(summary.size() == 3);
    CHECK(cell(summary, "region", 0) == "west");
    CHECK(cell(summary, "count", 0) == "3");
    CHECK(cell(summary, "sum_tonnage", 0) == "14");
    CHECK(cell(summary, "region", 1) == "east");
    CHECK(cell(summary, "sum_tonnage", 1) == "2.5");
    CHECK(summary.columns[0].is_null(2));
    CHECK(cell(summary, "count", 2) == "2");
}

TEST_CASE("regions: grouping by a field", "[layers][regions]") {
    depmap::test::ScratchDir dir;
    layers::RegionsOptions options;
    options.group_by = "kind";
    const auto summary = layers::summarise_regions(sites(dir), squares(dir), options);
    // west: Coal 1 (a), Iron 2 (c, f); east: Iron 1; outside: Coal 1 (e), Coal;Iron 1 (b).
    REQUIRE(summary.size() == 5);
    CHECK(cell(summary, "kind", 0) == "Coal");
    CHECK(cell(summary, "count", 0) == "1");
    CHECK(cell(summary, "kind", 1) == "Iron");
    CHECK(cell(summary, "count", 1) == "2");
}

TEST_CASE("regions: names of the bundled divisions", "[layers][regions]") {
    const auto divisions = layers::read_layer(depmap::test::bundled("divisions.geojson").string());
    CHECK(layers::region_name(divisions, layers::find_region(divisions, "Xilingol")) == "Xilingol League");
    CHECK(layers::region_name(divisions, layers::find_region(divisions, "包头市")) == "Baotou");
    CHECK(layers::region_name(divisions, layers::find_region(divisions, "alxa meng")) == "Alxa League");
    CHECK_THROWS_WITH(layers::find_region(divisions, "Atlantis"), Contains("the regions are: Alxa League"));
}

TEST_CASE("regions: every bundled deposit lies in exactly one league, or is reported", "[layers][regions][data]") {
    const auto deposits = layers::read_layer(depmap::test::bundled("records.csv").string());
    const auto divisions = layers::read_layer(depmap::test::bundled("divisions.geojson").string());
    const auto summary = layers::summarise_regions(deposits, divisions, {});
    std::int64_t total = 0;
    for (std::size_t row = 0; row < summary.size(); ++row) total += summary.columns[1].integer(row);
    CHECK(static_cast<std::size_t>(total) == deposits.size());
    // The one outside is Sulinheer, left on the generalised border (data/README.md).
    const auto assigned = layers::assign_regions(deposits, divisions);
    std::vector<std::string> outside;
    for (std::size_t row = 0; row < assigned.size(); ++row)
        if (assigned.columns[*assigned.field_index("region")].is_null(row)) outside.push_back(cell(assigned, "id", row));
    CHECK(outside == std::vector<std::string>{"IM-USGS-0032"});
}

TEST_CASE("regions: outside_count counts what no polygon holds, edges and holes as assign_regions", "[layers][regions]") {
    depmap::test::ScratchDir dir;
    const auto points = sites(dir);
    const auto regions = squares(dir);
    CHECK(layers::outside_count(points, layers::polygons_of(regions)) == 2);  // b in the hole, e far away
    const auto assigned = layers::assign_regions(points, regions);
    std::size_t nulls = 0;
    for (std::size_t row = 0; row < assigned.size(); ++row) nulls += assigned.columns[*assigned.field_index("region")].is_null(row);
    CHECK(nulls == 2);
    CHECK(layers::outside_count(points, {}) == points.size());
}
