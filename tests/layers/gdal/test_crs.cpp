#include "base/error.hpp"
#include "layers/gdal/crs.hpp"
#include "layers/read/read.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>

using namespace depmap;
using Catch::Matchers::Contains;

namespace {

// What cs2cs from proj-bin makes of the easting/northing pairs: lon/lat per line.
std::vector<geo::LonLat> cs2cs_to_lonlat(const std::string& crs, const std::vector<geo::LonLat>& xy) {
    depmap::test::ScratchDir dir;
    std::ostringstream input;
    input.precision(17);
    for (const auto& p : xy) input << p.lon_deg << ' ' << p.lat_deg << '\n';
    const auto in = dir.write("in.txt", input.str());
    const std::string command = "cs2cs -f %.12f " + crs + " OGC:CRS84 < " + in;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::vector<geo::LonLat> out;
    double lon = 0, lat = 0, z = 0;
    while (std::fscanf(pipe, "%lf %lf %lf", &lon, &lat, &z) == 3) out.push_back({lon, lat});
    REQUIRE(pclose(pipe) == 0);
    return out;
}

} // namespace

TEST_CASE("crs: a UTM zone 49N CSV comes back to the lon/lat cs2cs gives", "[layers][crs]") {
    layers::ReadOptions options;
    options.src_crs = "EPSG:32649";
    const auto layer = layers::read_layer(depmap::test::fixture("utm49n.csv"), options);
    REQUIRE(layer.size() == 2);
    CHECK(layer.crs == "EPSG:32649");
    CHECK(layer.coordinate_columns == std::vector<std::string>{"easting", "northing"});

    const auto expected = cs2cs_to_lonlat("EPSG:32649", {{414798.871, 4627986.587}, {555009.628, 4517932.405}});
    REQUIRE(expected.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(layer.points[i].lon_deg == Approx(expected[i].lon_deg).margin(1e-7));
        CHECK(layer.points[i].lat_deg == Approx(expected[i].lat_deg).margin(1e-7));
    }
    // Sanity beside the reference: Bayan Obo is where the bundled data puts it.
    CHECK(layer.points[0].lon_deg == Approx(109.974444).margin(1e-5));
}

TEST_CASE("crs: names and identification", "[layers][crs]") {
    CHECK(layers::crs_label(layers::crs_from_user_text("EPSG:32649")) == "EPSG:32649");
    CHECK(layers::crs_label(layers::crs_from_user_text("+proj=utm +zone=49 +datum=WGS84")) == "EPSG:32649");
    CHECK(layers::crs_label(layers::wgs84()) == "EPSG:4326");
    CHECK(layers::ToWgs84(layers::crs_from_user_text("EPSG:4326")).is_identity());
    CHECK_FALSE(layers::ToWgs84(layers::crs_from_user_text("EPSG:4490")).is_identity());
}

TEST_CASE("crs: an unknown CRS is a clear error", "[layers][crs]") {
    CHECK_THROWS_AS(layers::crs_from_user_text("EPSG:999999"), CrsError);
    CHECK_THROWS_WITH(layers::crs_from_user_text("not a crs"),
                      Contains("unknown CRS 'not a crs'; give it as EPSG:code"));
    layers::ReadOptions options;
    options.src_crs = "EPSG:0";
    CHECK_THROWS_AS(layers::read_layer(depmap::test::fixture("utm49n.csv"), options), CrsError);
}
